// Letting someone in with an invite's last use waits until the order is
// signed (admission.ts), so that two members using one last use at once
// cannot both say yes. Autobase acks on a timer, one to two ack intervals
// after the last change, and every change pushes it back, so a newcomer
// waited 1-3 s for that: most of a join. So an indexer that sees a writer
// added acks at each update until the view as it stood then is signed, for a
// few seconds at most. Admissions are rare; posts are acked as before.
//
// Measured with the bench's mesh scenario (3 daemons, 10 joins each way):
// newest page 0.4-0.7 s with this against 1.7-2.9 s without. Also writing an
// empty ack whenever things went quiet for a moment (as unstickAcks in base.ts
// does after seconds) made joins slower, 0.6-2.4 s: the extra blocks cost
// every member more than the shorter waits saved.
import type { CommunityBase } from './base.js'

/** How long an indexer keeps acking at once after it saw a writer added. */
const PROMPT_MS = 5000

export function promptAcks(base: CommunityBase): void {
  let writers = -1
  let target = 0
  let until = 0
  base.on('update', () => {
    const system = base.system
    if (!system || base.closing) return
    const now = Date.now()
    if (writers >= 0 && system.members > writers) {
      target = base.view.core.length
      until = now + PROMPT_MS
    }
    writers = system.members
    if (target === 0) return
    if (base.view.core.signedLength >= target || now > until) {
      target = 0
      return
    }
    if (base.isIndexer && base.writable) base.ack().catch(() => undefined)
  })
}
