// A bench receiver's answer to `resync` (docs/protocol.md): the gateway could not know that every message reached
// the connection live (its presence was lost), so the receiver syncs its conversation from the highest seq it has
// and counts what it finds as received. Without it a message that was announced by resync, and never came live,
// would count as missing though a client that follows the protocol has it.
import { RestClient } from '../src/client/rest.js'
import type { ConnectionTally } from './accounting.js'
import { decodeContent } from './content.js'
import type { ReceiverSpec } from './worker-protocol.js'

const PAGE = 200

export const isResync = (f: { op?: string; type?: string }) => f.op === 'event' && f.type === 'resync'

/**
 * Records in `tally` every message of run `run` (indexes up to `messages`) after the tally's highest seq that it
 * has not seen yet; returns how many it recorded.
 */
export async function catchUp(
  spec: ReceiverSpec,
  tally: ConnectionTally,
  run: string,
  messages: number,
): Promise<number> {
  if (spec.dialect !== 'gochat' || !spec.token) return 0
  const rest = new RestClient(spec.url, spec.token)
  let recorded = 0
  for (let after = tally.lastSeq; ; ) {
    const page = await rest.history(spec.conversationId, after, PAGE)
    for (const m of page.messages) {
      const c = decodeContent(m.content, run)
      if (c && c.i <= messages && !tally.has(c.i) && tally.record(c.i, m.seq)) recorded++
    }
    if (!page.hasMore || page.messages.length === 0) return recorded
    after = page.messages[page.messages.length - 1]!.seq
  }
}
