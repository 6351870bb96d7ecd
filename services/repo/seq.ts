// Per-conversation seq counters in the cache (`seq:<conversationId>`), used by async persistence only (sync
// persistence allocates seqs in the store's transaction). A missing key is re-seeded from the store's floor
// (MAX(seq) and the seq reservation, which covers seqs handed out but not stored yet). The counter only ever
// moves up.
import type { Cache } from '../../src/ports/cache.js'

const seqKey = (conversationId: string) => `seq:${conversationId}`

/**
 * The next seq of a conversation. `floor` is only read when the counter is missing. `stored` (MAX(seq), given on
 * a process's first use of the counter) is a seq the counter must be above even when present: a counter left
 * from an earlier async period is behind the rows stored meanwhile under sync persistence. A value at or below
 * it is a seq already stored, so skipping it leaves no gap.
 */
export async function nextSeq(
  cache: Cache,
  conversationId: string,
  floor: () => Promise<number>,
  stored?: number,
): Promise<number> {
  const next = await cache.incrExisting(seqKey(conversationId))
  if (next === null) {
    // Seeded only if still missing: whoever seeded it meanwhile (a concurrent first allocation) has the better
    // start, and a floor read later (after a reservation moved it) must not open a gap.
    return cache.incrSeeded(seqKey(conversationId), await floor())
  }
  if (stored !== undefined && next <= stored) return cache.incrAtLeast(seqKey(conversationId), stored)
  return next
}
