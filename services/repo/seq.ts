// Per-conversation seq counters in the cache (`seq:<conversationId>`), re-seeded from the store whenever the
// key is missing: from MAX(seq), and under async persistence from the seq reservation (service.ts), which covers
// seqs handed out but not stored yet. The counter only ever moves up: a repair (the seq it gave was taken, so it
// was behind the table) raises it to the floor before INCR.
import type { Cache } from '../../src/ports/cache.js'

const seqKey = (conversationId: string) => `seq:${conversationId}`

/**
 * The next seq of a conversation. `maxSeq` reads the floor from the store; it is only called when the counter is
 * missing, or with `repair` when the last seq turned out to be taken.
 */
export async function nextSeq(
  cache: Cache,
  conversationId: string,
  maxSeq: () => Promise<number>,
  repair = false,
): Promise<number> {
  if (repair) return cache.incrAtLeast(seqKey(conversationId), await maxSeq())
  const next = await cache.incrExisting(seqKey(conversationId))
  if (next !== null) return next
  // Seeded only if still missing: whoever seeded it meanwhile (a concurrent first send) has the better start, and
  // a floor read later (after a reservation moved it, under async persistence) must not open a gap.
  return cache.incrSeeded(seqKey(conversationId), await maxSeq())
}
