// SendMessages in order: a gateway hands over one connection's queued sends as one call, and their seqs have to
// follow the order the client sent them (docs/protocol.md). The sends are checked concurrently (membership reads
// finish in any order), then every checked one is stored by one StoreMessages call in item order, which repo keeps
// per conversation (servedInOrder, and the store's batches take their locks in turn). Each item has its own
// answer: a refused send fails alone. Under async persistence a conversation's sends run one after another, each
// seq allocated once the previous one has its own.
import type { SendMessageRequest } from '../../src/contracts/generated/realchat/message/v1/SendMessageRequest.js'
import type { SendMessageResponse__Output } from '../../src/contracts/generated/realchat/message/v1/SendMessageResponse.js'
import type { StoreMessageRequest } from '../../src/contracts/generated/gochat/repo/v1/StoreMessageRequest.js'
import type { StoreMessageResponse__Output } from '../../src/contracts/generated/gochat/repo/v1/StoreMessageResponse.js'
import { appError, type CallError, callError, MAX_BATCH } from '../../src/rpc/batch.js'
import type { MessageApi, RepoApi } from '../../src/rpc/api.js'

export type { SendMessageRequest }
export type SendMessageResponse = SendMessageResponse__Output

/** a checked send: its StoreMessage request, or (async persistence) the rest of the send to run */
export type PreparedSend = { store: StoreMessageRequest } | { run: () => Promise<SendMessageResponse> }

type Result = { ok: SendMessageResponse | null; error: CallError | null }

export function orderedSends(
  repo: Pick<RepoApi, 'StoreMessages'>,
  prepare: (req: SendMessageRequest) => Promise<PreparedSend>,
  stored: (res: StoreMessageResponse__Output) => SendMessageResponse,
): MessageApi['SendMessages'] {
  return async (req) => {
    const items = req.sends ?? []
    const out: Result[] = new Array(items.length)
    const settle = (i: number, answer: () => SendMessageResponse) => {
      try {
        out[i] = { ok: answer(), error: null }
      } catch (err) {
        out[i] = { ok: null, error: callError(err, 'SendMessages') }
      }
    }
    const checked = await Promise.allSettled(items.map((item) => prepare(item)))
    const toStore: Array<{ i: number; store: StoreMessageRequest }> = []
    const toRun = new Map<string, Array<{ i: number; run: () => Promise<SendMessageResponse> }>>()
    checked.forEach((c, i) => {
      if (c.status === 'rejected') return void (out[i] = { ok: null, error: callError(c.reason, 'SendMessages') })
      if ('store' in c.value) return void toStore.push({ i, store: c.value.store })
      const key = items[i]!.conversation_id ?? ''
      const list = toRun.get(key) ?? toRun.set(key, []).get(key)!
      list.push({ i, run: c.value.run })
    })

    const storeAll = async () => {
      // chunks one after another: a later chunk's messages of a conversation come after an earlier one's
      for (let from = 0; from < toStore.length; from += MAX_BATCH) {
        const chunk = toStore.slice(from, from + MAX_BATCH)
        try {
          const { results } = await repo.StoreMessages({ messages: chunk.map((c) => c.store) })
          chunk.forEach(({ i }, k) => {
            const r = results[k]
            settle(i, () => {
              if (!r?.ok) throw appError(r?.error)
              return stored(r.ok)
            })
          })
        } catch (err) {
          const error = callError(err, 'SendMessages') // logged once for the chunk, answered to each item
          for (const { i } of chunk) out[i] = { ok: null, error }
        }
      }
    }
    const runInOrder = async (list: Array<{ i: number; run: () => Promise<SendMessageResponse> }>) => {
      for (const { i, run } of list)
        await run().then(
          (ok) => void (out[i] = { ok, error: null }),
          (err: unknown) => void (out[i] = { ok: null, error: callError(err, 'SendMessages') }),
        )
    }
    await Promise.all([storeAll(), ...[...toRun.values()].map(runInOrder)])
    return { results: out }
  }
}
