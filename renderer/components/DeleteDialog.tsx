// Deleting your own post, after saying honestly what deleting can and cannot do.
import type { Post } from '../../core/domain/types.js'
import { useEngine } from '../engine/hooks.js'
import { strings } from '../strings/index.js'
import { ConfirmDialog } from './ConfirmDialog.js'

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
  return (
    <ConfirmDialog
      title={s.title}
      body={s.body}
      className="delete-dialog"
      cancelLabel={s.cancel}
      confirmLabel={s.confirm}
      confirm={() => engine.call('posts.delete', { communityId, postId: post.id })}
      onClose={onClose}
    />
  )
}
