// Batched calls on the send path (SendMessages, StoreMessages): a caller's concurrent calls of one method within
// an event-loop tick go out as one gRPC call, and the server runs each item exactly as the single call, so that
// every caller gets its own result or its own error. Per message this saves a gRPC round trip's CPU on both sides
// (framing, HTTP/2, protobuf, the event-loop turns), which is most of what a hop costs.
import { AppError, isErrorCode } from '../core/errors.js'
import { log } from '../observability/log.js'

/** An item's error as a batched answer carries it (proto CallError). */
export interface CallError {
  code: string
  message: string
  retry_after_seconds: number
}
export interface ItemResult<Res> {
  ok?: Res | null
  error?: CallError | null
}

/** most items per batched call: bounds the message size (16 MB limit) and one call's share of a deadline */
export const MAX_BATCH = 256

export function callError(err: unknown, method: string): CallError {
  if (err instanceof AppError && err.code !== 'internal')
    return { code: err.code, message: err.message, retry_after_seconds: err.retryAfterSeconds ?? 0 }
  // as the gRPC server does for a single call: the detail stays in this log, the caller gets a stable message
  log.error(`${method} item failed`, { err })
  return { code: 'internal', message: 'internal error', retry_after_seconds: 0 }
}

/** Serves a batched method: every item through `one`, concurrently (started in order), each answer in place. */
export function servedAsBatch<Req, Res>(method: string, one: (req: Req) => Promise<Res>) {
  return async (items: readonly Req[]): Promise<Array<{ ok: Res | null; error: CallError | null }>> => {
    const settled = await Promise.allSettled(items.map((req) => one(req)))
    return settled.map((s) =>
      s.status === 'fulfilled' ? { ok: s.value, error: null } : { ok: null, error: callError(s.reason, method) },
    )
  }
}

/** How a batch's items are ordered: `key` names the stream an item belongs to (a conversation); `alone` says it
 *  needs the store to itself (a transaction of its own, which would otherwise race the key's shared one). */
export interface ItemOrder<Req> {
  key(req: Req): string
  alone(req: Req): boolean
}

/**
 * Serves a batched method keeping each key's items in item order (the send path: one call's messages of one
 * conversation get seqs in item order). A key's items that may share a transaction are started together, in item
 * order, in the same turn of the event loop (the store takes them in the order they reach it); an item `alone`
 * waits for the key's earlier items to settle, and the key's later items wait for it. Keys run concurrently.
 */
export function servedInOrder<Req, Res>(method: string, one: (req: Req) => Promise<Res>, order: ItemOrder<Req>) {
  return async (items: readonly Req[]): Promise<Array<{ ok: Res | null; error: CallError | null }>> => {
    const out: Array<{ ok: Res | null; error: CallError | null }> = new Array(items.length)
    // per key, its runs of items: a run of items that share, or one item alone
    const runs = new Map<string, Array<{ alone: boolean; items: number[] }>>()
    items.forEach((req, i) => {
      const key = order.key(req)
      const alone = order.alone(req)
      const list = runs.get(key) ?? runs.set(key, []).get(key)!
      const last = list.at(-1)
      if (last && !last.alone && !alone) last.items.push(i)
      else list.push({ alone, items: [i] })
    })
    const settle = (i: number) =>
      one(items[i]!).then(
        (ok) => void (out[i] = { ok, error: null }),
        (err: unknown) => void (out[i] = { ok: null, error: callError(err, method) }),
      )
    await Promise.all(
      [...runs.values()].map(async (list) => {
        for (const run of list) await Promise.all(run.items.map(settle))
      }),
    )
    return out
  }
}

export const appError = (e: CallError | null | undefined): AppError =>
  e && isErrorCode(e.code)
    ? new AppError(e.code, e.message, e.retry_after_seconds || undefined)
    : new AppError('internal', 'internal error')

/**
 * The caller's side: `one` for a call alone in its tick (no batching cost when idle), else one `many` call for all
 * of the tick's calls (at most MAX_BATCH each). A failure of the whole batched call fails each of its callers.
 */
export function coalesced<Req, Res>(
  one: (req: Req) => Promise<Res>,
  many: (reqs: Req[]) => Promise<Array<ItemResult<Res>>>,
): (req: Req) => Promise<Res> {
  type Waiting = { req: Req; resolve: (r: Res) => void; reject: (e: unknown) => void }
  let pending: Waiting[] = []
  const send = (batch: Waiting[]) => {
    if (batch.length === 1) {
      const w = batch[0]!
      return void one(w.req).then(w.resolve, w.reject)
    }
    many(batch.map((w) => w.req)).then(
      (results) =>
        batch.forEach((w, i) => {
          const r = results[i]
          if (r?.ok) w.resolve(r.ok)
          else w.reject(appError(r?.error))
        }),
      (err: unknown) => batch.forEach((w) => w.reject(err)),
    )
  }
  const flush = () => {
    const batch = pending
    pending = []
    for (let i = 0; i < batch.length; i += MAX_BATCH) send(batch.slice(i, i + MAX_BATCH))
  }
  return (req) =>
    new Promise<Res>((resolve, reject) => {
      if (pending.push({ req, resolve, reject }) === 1) setImmediate(flush)
    })
}
