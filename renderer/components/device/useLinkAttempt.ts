// One attempt to link this device or to restore it: an id its progress
// events carry, the stage it has reached, and stopping it. Closing the form
// stops it, rather than leaving it running unseen; when it fails, focus goes
// back to the field that started it.
import { useState } from 'react'
import type { RefObject } from 'react'
import type { LinkStage } from '../../../core/domain/types.js'
import type { RpcError } from '../../../core/rpc/client.js'
import { useAction, useEngine, useEngineEvents } from '../../engine/hooks.js'
import { useFocusAfterFailure } from '../useFocusAfterFailure.js'
import { useStoppable } from '../useStoppable.js'
import { newLinkId } from './linking.js'

interface LinkAttempt<A extends unknown[], R> {
  /** Starts an attempt; its result, or undefined when it failed (see error). */
  run: (...args: A) => Promise<R | undefined>
  stop: () => Promise<void>
  stage: LinkStage | null
  pending: boolean
  error: RpcError | null
  /** It ended because the person stopped it. */
  cancelled: boolean
}

export function useLinkAttempt<A extends unknown[], R>(
  call: (linkId: string, ...args: A) => Promise<R>,
  refocus: RefObject<HTMLElement | null>
): LinkAttempt<A, R> {
  const engine = useEngine()
  const [stage, setStage] = useState<LinkStage | null>(null)
  const action = useAction(call)
  const {
    id: linkId,
    stopped,
    setStopped,
    stop
  } = useStoppable((linkId) => engine.call('devices.cancelLink', { linkId }))
  useEngineEvents((event) => {
    if (event.type === 'link-progress' && event.linkId === linkId.current) setStage(event.stage)
  })

  useFocusAfterFailure(action.pending, action.error !== null, refocus)

  return {
    run: async (...args: A) => {
      setStopped(false)
      setStage(null)
      const id = newLinkId()
      linkId.current = id
      const result = await action.run(id, ...args)
      linkId.current = null
      setStage(null)
      return result
    },
    stop,
    stage,
    pending: action.pending,
    error: action.error,
    cancelled: stopped && action.error?.code === 'closed'
  }
}
