// Deleting your own post, after saying honestly what deleting can and cannot do.
import type { Post } from '../../core/domain/types.js'
import { useAction, useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { Dialog } from './Dialog.js'
import { ErrorText } from './ErrorText.js'

export function DeleteDialog({
  communityId,
  post,
  onClose
}: {
  communityId: string
  post: Post
  onClose: (deleted: boolean) => void
}) {
  const engine = useEngine()
  const s = strings.deleteDialog
  const remove = useAction(async () => engine.call('posts.delete', { communityId, postId: post.id }))
  return (
    <Dialog title={s.title} onClose={() => onClose(false)} className="delete-dialog">
      <p>{s.body}</p>
      <ErrorText error={remove.error} />
      <div className="actions">
        <button type="button" className="button" autoFocus onClick={() => onClose(false)}>
          {s.cancel}
        </button>
        <button
          type="button"
          className="button danger-solid"
          disabled={remove.pending}
          onClick={async () => {
            if (await remove.run()) onClose(true)
          }}
        >
          {s.confirm}
        </button>
      </div>
    </Dialog>
  )
}
