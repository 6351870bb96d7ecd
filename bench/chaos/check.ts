// The verdict of one chaos run: what was acked against what history holds and what clients saw live.
// Recovery time: the longest stretch, around or after the fault, in which a conversation that was being sent to
// got nothing live (its deliveries stalled); under steady traffic a conversation gets something every few hundred
// ms, so this is what a user sees as "messages stopped for N s", and unlike a latency bound it holds on a loaded
// machine. Send errors: sends never acked; refused: sends answered with an error frame at least once (a retry
// with the same key may have succeeded). Resumed after back: from the moment the fault was over (the process or
// every broker serving again) until every conversation got, live, a message sent at or after that moment, i.e.
// new traffic flows end to end again (what was held back meanwhile comes before it in seq order).
// The app's side: what gochat/client delivered to each member once caught up (each client catches up before the
// check), against history: messages missing, delivered twice, or out of seq order; all three should be 0 under
// every fault. Operations (edits, reactions): each target must show what the operation records of history make of
// it, applied in seq order (the last edit's text; each user's last reaction), whatever order they were acked in.
import { ApiError, RestClient } from '../../src/client/rest.js'
import type { Message } from '../../src/contracts/payloads.js'
import type { Workload } from './workload.js'

export interface Verdict {
  acked: number
  ackedMissing: number
  neverLive: number
  /** of those, ones the recipient had not caught up on by sync either (nothing told it to) */
  missedSilently: number
  /** of those, ones whose recipient got no `resync` after the message was sent: skipped without a word */
  neverLiveUntold: number
  /** never live, by when the message was sent: before the fault, during it, or once it was over */
  neverLiveBy: { before: number; during: number; after: number }
  /**
   * the first few of the untold ones, to find them in the cluster's logs: conversation, seq, the recipient's
   * gateway (its first; reconnects move it), when it was sent and acked (ms since the fault) and the recipient's
   * resyncs (ms since the fault)
   */
  untoldSample: Array<{
    conversationId: string
    seq: number
    kind: string
    recipient: string
    gateway: number
    sentMs: number
    ackMs: number | null
    resyncsMs: number[]
  }>
  duplicates: number
  /** (member, message of history) the library never delivered to the app, after catch-up */
  appMissing: number
  /** (member, seq) the library delivered more than once */
  appDuplicates: number
  /** deliveries below a seq the library had delivered before in that conversation */
  appOutOfOrder: number
  /** acked sends that were operations (edits, reactions) */
  operations: number
  /** messages whose text or reactions differ from what the operation records of history make of them */
  opsMismatched: number
  seqDuplicates: number
  seqGaps: number
  outOfOrder: number
  sendErrors: number
  refused: number
  /** final error codes of the sends never acked */
  errors: Record<string, number>
  resyncs: number
  /** sockets the clients replaced after a close or a silence */
  reconnects: number
  recoveryMs: number
  /**
   * see above; a conversation with messages acked from that moment on but none of them delivered live counts
   * until the check; null when the traffic ended before the fault was over
   */
  resumedAfterBackMs: number | null
}

/** a page read right after a fault may meet a dependency still coming back (503) or a limit (429): asked again */
async function pageWithRetry<T>(read: () => Promise<T>, attempts = 10): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await read()
    } catch (err) {
      const transient = err instanceof ApiError && (err.status === 503 || err.status === 429)
      if (!transient || i >= attempts) throw err
      await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** i)))
    }
  }
}

async function history(gateway: string, token: string, conversationId: string): Promise<Message[]> {
  const rest = new RestClient(gateway, token)
  const out: Message[] = []
  for (let after = 0; ; ) {
    const page = await pageWithRetry(() => rest.history(conversationId, after, 200))
    out.push(...page.messages)
    if (!page.hasMore || page.messages.length === 0) return out
    after = page.messages[page.messages.length - 1]!.seq
  }
}

const UNTOLD_SAMPLE = 10

export async function check(w: Workload, faultAt: number, backAt: number): Promise<Verdict> {
  const v: Verdict = {
    acked: 0,
    ackedMissing: 0,
    neverLive: 0,
    missedSilently: 0,
    neverLiveUntold: 0,
    neverLiveBy: { before: 0, during: 0, after: 0 },
    untoldSample: [],
    duplicates: 0,
    appMissing: 0,
    appDuplicates: 0,
    appOutOfOrder: 0,
    operations: 0,
    opsMismatched: 0,
    seqDuplicates: 0,
    seqGaps: 0,
    outOfOrder: 0,
    sendErrors: 0,
    refused: 0,
    errors: {},
    resyncs: 0,
    reconnects: 0,
    recoveryMs: 0,
    resumedAfterBackMs: null,
  }
  let resumedAt: number | undefined
  const gateway = w.opts.gateways[0]!
  // what an app does after any outage: catch up (bounded: a client that cannot is counted by what it misses)
  await Promise.all(
    w.clients.map((c) => Promise.race([c.catchUp().catch(() => undefined), new Promise((r) => setTimeout(r, 15_000))])),
  )
  for (const conv of w.conversations) {
    const hist = await history(gateway, conv.members[0]!.session.token, conv.id)
    const seqs = hist.map((m) => m.seq).sort((a, b) => a - b)
    for (let i = 0; i < seqs.length; i++) {
      if (i > 0 && seqs[i] === seqs[i - 1]) v.seqDuplicates++
      else if (seqs[i] !== (i === 0 ? 1 : seqs[i - 1]! + 1)) v.seqGaps++
    }
    const stored = new Set(seqs)
    v.opsMismatched += mismatched(hist)
    for (const m of conv.members) {
      const app = appTally(m.delivered.get(conv.id) ?? [], stored)
      v.appMissing += app.missing
      v.appDuplicates += app.duplicates
      v.appOutOfOrder += app.outOfOrder
    }
    // first live arrival per (member, seq); duplicates and order per member
    const firstLive = conv.members.map((m) => {
      const first = new Map<number, number>()
      let last = 0
      for (const r of m.live) {
        if (r.conversationId !== conv.id) continue
        if (first.has(r.seq)) {
          v.duplicates++
          continue
        }
        if (r.seq < last) v.outOfOrder++
        last = Math.max(last, r.seq)
        first.set(r.seq, r.at)
      }
      return first
    })
    const sent = w.sent.filter((x) => x.conversationId === conv.id)
    for (const s of sent) {
      if (s.refusals > 0) v.refused++
      if (s.seq === undefined) {
        v.sendErrors++
        v.errors[s.error ?? '?'] = (v.errors[s.error ?? '?'] ?? 0) + 1
        continue
      }
      v.acked++
      if (s.kind !== 'text') v.operations++
      if (!stored.has(s.seq)) v.ackedMissing++
      conv.members.forEach((m, k) => {
        if (m.session.userId === s.sender || firstLive[k]!.has(s.seq!)) return
        v.neverLive++
        if ((m.known.get(conv.id) ?? 0) < s.seq!) v.missedSilently++
        if (!m.resyncAt.some((t) => t >= s.at)) {
          v.neverLiveUntold++
          if (v.untoldSample.length < UNTOLD_SAMPLE)
            v.untoldSample.push({
              conversationId: conv.id,
              seq: s.seq!,
              kind: s.kind,
              recipient: m.session.userId,
              gateway: w.clients.indexOf(m) % w.opts.gateways.length,
              sentMs: s.at - faultAt,
              ackMs: s.ackAt === undefined ? null : s.ackAt - faultAt,
              resyncsMs: m.resyncAt.map((t) => t - faultAt),
            })
        }
        v.neverLiveBy[s.at < faultAt ? 'before' : s.at < backAt ? 'during' : 'after']++
      })
    }
    // the conversation's live arrivals (any member), and its longest silence that ends after the fault
    const arrivals = firstLive.flatMap((f) => [...f.values()]).sort((a, b) => a - b)
    const lastSend = Math.max(...sent.map((s) => s.at))
    let prev = arrivals.filter((t) => t < faultAt).pop() ?? faultAt
    for (const t of [...arrivals.filter((t) => t >= faultAt), lastSend]) {
      v.recoveryMs = Math.max(v.recoveryMs, t - prev)
      prev = Math.max(prev, t)
    }
    // the conversation's first live arrival of a message sent once the fault was over
    const fresh = sent.filter((s) => s.at >= backAt && s.seq !== undefined)
    if (fresh.length === 0) continue
    let firstFresh = Date.now()
    for (const s of fresh) for (const f of firstLive) firstFresh = Math.min(firstFresh, f.get(s.seq!) ?? firstFresh)
    resumedAt = Math.max(resumedAt ?? backAt, firstFresh)
  }
  v.resumedAfterBackMs = resumedAt === undefined ? null : resumedAt - backAt
  v.resyncs = w.clients.reduce((n, c) => n + c.resyncs, 0)
  v.reconnects = w.clients.reduce((n, c) => n + c.reconnects, 0)
  return v
}

/**
 * What one member's app got of a conversation (the seqs gochat/client delivered, in delivery order) against its
 * history: seqs never delivered, delivered again, or delivered after a higher one.
 */
export function appTally(
  delivered: number[],
  stored: Set<number>,
): { missing: number; duplicates: number; outOfOrder: number } {
  const t = { missing: 0, duplicates: 0, outOfOrder: 0 }
  const once = new Set<number>()
  let top = 0
  for (const seq of delivered) {
    if (once.has(seq)) t.duplicates++
    else if (seq < top) t.outOfOrder++
    once.add(seq)
    top = Math.max(top, seq)
  }
  for (const seq of stored) if (!once.has(seq)) t.missing++
  return t
}

/** Messages of a history whose text or reactions are not what its edit and reaction records, by seq, make of them. */
export function mismatched(hist: Message[]): number {
  const want = new Map<string, { text?: string; reactions: Map<string, string> }>()
  const of = (id: string) => want.get(id) ?? want.set(id, { reactions: new Map() }).get(id)!
  for (const r of [...hist].sort((a, b) => a.seq - b.seq)) {
    if (r.kind === 'edit') of(r.targetId).text = r.content
    else if (r.kind === 'reaction') of(r.targetId).reactions.set(r.senderId, r.content)
    else if (r.kind === 'unreaction') of(r.targetId).reactions.delete(r.senderId)
  }
  let n = 0
  for (const m of hist) {
    const w = want.get(m.messageId)
    if (!w || m.status !== 'normal') continue
    const shown = new Map(m.reactions.flatMap((x) => x.userIds.map((u) => [u, x.emoji] as const)))
    const same = shown.size === w.reactions.size && [...w.reactions].every(([u, e]) => shown.get(u) === e)
    if ((w.text !== undefined && m.content !== w.text) || !same) n++
  }
  return n
}
