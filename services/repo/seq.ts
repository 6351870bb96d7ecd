// Per-conversation seq counters in the cache (`seq:<conversationId>`), re-seeded from the store whenever the
// key is missing. The counter only ever moves up (incrAtLeast raises it to the floor before INCR), so a seq is
// never handed out twice even after Redis lost the key or came back from an old snapshot.
import type { Cache } from '../../src/ports/cache.js'

const seqKey = (conversationId: string) => `seq:${conversationId}`

/**
 * The next seq of a conversation. `maxSeq` reads MAX(seq) from the store; it is only called when the counter is
 * missing, or with `repair` when the last seq turned out to be taken (the counter was behind the table).
 */
export async function nextSeq(cache: Cache, conversationId: string, maxSeq: () => Promise<number>, repair = false): Promise<number> {
  if (!repair) {
    const next = await cache.incrExisting(seqKey(conversationId))
    if (next !== null) return next
  }
  return cache.incrAtLeast(seqKey(conversationId), await maxSeq())
}
