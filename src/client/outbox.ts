// The outbox's logic over a store: each conversation's sends go out one at a time in the order the app made them
// (so their seqs follow that order), each with its idempotency key on every attempt. A transient failure leaves
// the entry pending (retried on the next flush: a reconnect, or a timer); a refusal (`not_member`, `too_large`, …)
// or an entry older than the server remembers keys (`expireMs`) fails it. The app sees every state change.
import { type OutboxEntry, type OutboxStore, newKey } from './outbox-store.js'
import { GochatError, type RecordFields, TRANSIENT } from './types.js'

export interface Ack {
  messageId: string
  seq: number
}

export interface OutboxOptions {
  /** sends one entry (socket or REST); rejects with a GochatError */
  deliver: (entry: OutboxEntry) => Promise<Ack>
  /** every state change of an entry */
  changed: (entry: OutboxEntry) => void
  /** a transient failure while connected: when to try the conversation again (ms) */
  retryDelay: (err: GochatError, attempts: number) => number
  /** a pending entry older than this fails with `expired` instead of being sent (default 24 h, how long a server
   *  with async persistence remembers keys: a resend after that could store the message twice) */
  expireMs?: number
  now?: () => number
}

export class Outbox {
  private entries = new Map<string, OutboxEntry>()
  private draining = new Set<string>()
  private timers = new Map<string, ReturnType<typeof setTimeout>>()
  private waiters = new Map<string, { resolve: (a: Ack) => void; reject: (e: Error) => void }>()
  private order = 0
  /** false while the connection is down: entries wait without attempts */
  online = false
  private closed = false

  constructor(
    private readonly store: OutboxStore,
    private readonly opts: OutboxOptions,
  ) {}

  /** Reads what the store kept (from an earlier page or process); call once before the first flush. */
  async load(): Promise<void> {
    const kept = (await this.store.load()).sort((a, b) => a.createdAt - b.createdAt || a.order - b.order)
    for (const e of kept) {
      this.entries.set(e.key, e)
      this.order = Math.max(this.order, e.order + 1)
    }
  }

  /** Every entry not yet acknowledged (pending and failed), in send order. */
  list(): OutboxEntry[] {
    return [...this.entries.values()].map((e) => ({ ...e }))
  }

  /** Queues a message; resolves once it is in the store (pending). `sent` settles when it is acked or fails. */
  async add(
    conversationId: string,
    content: string,
    key = newKey(),
    record?: RecordFields,
  ): Promise<{ entry: OutboxEntry; sent: Promise<Ack> }> {
    const now = (this.opts.now ?? Date.now)()
    const entry: OutboxEntry = {
      key,
      conversationId,
      content,
      ...(record ? { record } : {}),
      createdAt: now,
      order: this.order++,
      state: 'pending',
      attempts: 0,
    }
    const sent = this.waitFor(key)
    this.entries.set(key, entry)
    await this.store.put(entry)
    this.opts.changed({ ...entry })
    this.kick(conversationId)
    return { entry: { ...entry }, sent }
  }

  private waitFor(key: string): Promise<Ack> {
    const sent = new Promise<Ack>((resolve, reject) => this.waiters.set(key, { resolve, reject }))
    sent.catch(() => undefined) // an app that only listens to events must not get an unhandled rejection
    return sent
  }

  /** A failed entry back to pending, with its key (the app's "retry"). */
  async retry(key: string): Promise<Promise<Ack>> {
    const e = this.entries.get(key)
    if (e?.state !== 'failed') throw new GochatError('not_found', `no failed message ${key}`)
    Object.assign(e, { state: 'pending', error: undefined, createdAt: (this.opts.now ?? Date.now)() })
    const sent = this.waitFor(key)
    await this.store.put(e)
    this.opts.changed({ ...e })
    this.kick(e.conversationId)
    return sent
  }

  /** Forgets an entry that is not being sent (a failed one the app gave up on). */
  async discard(key: string): Promise<void> {
    const e = this.entries.get(key)
    if (!e || (e.state === 'pending' && this.draining.has(e.conversationId))) return
    this.entries.delete(key)
    await this.store.remove(key)
    this.waiters.get(key)?.reject(new GochatError('discarded', 'the message was discarded'))
    this.waiters.delete(key)
  }

  /** Sends what is pending, every conversation at once (each in its own order). */
  flush(): void {
    for (const id of new Set([...this.entries.values()].map((e) => e.conversationId))) this.kick(id)
  }

  close(): void {
    this.closed = true
    for (const t of this.timers.values()) clearTimeout(t)
    this.timers.clear()
  }

  private kick(conversationId: string): void {
    if (!this.online || this.closed || this.draining.has(conversationId)) return
    clearTimeout(this.timers.get(conversationId))
    this.timers.delete(conversationId)
    this.draining.add(conversationId)
    void this.drain(conversationId)
      .catch(() => true) // a store that failed to write: the entry waits for the next flush
      .then((stopped) => {
        this.draining.delete(conversationId)
        // an entry added while the loop was finishing
        if (!stopped && this.next(conversationId)) this.kick(conversationId)
      })
  }

  private next(conversationId: string): OutboxEntry | undefined {
    for (const e of this.entries.values()) if (e.conversationId === conversationId && e.state === 'pending') return e
    return undefined
  }

  /** true when it stopped on a transient failure (the entry waits for a reconnect or its timer) */
  private async drain(conversationId: string): Promise<boolean> {
    for (let e = this.next(conversationId); e && this.online && !this.closed; e = this.next(conversationId)) {
      if ((this.opts.now ?? Date.now)() - e.createdAt > (this.opts.expireMs ?? 86_400_000)) {
        await this.settle(e, 'failed', new GochatError('expired', 'not sent in time; send it again as a new message'))
        continue
      }
      e.attempts++
      try {
        const ack = await this.opts.deliver({ ...e })
        Object.assign(e, ack)
        await this.settle(e, 'sent')
      } catch (err) {
        const g = err instanceof GochatError ? err : new GochatError('network', String(err))
        if (!TRANSIENT.has(g.code)) {
          await this.settle(e, 'failed', g)
          continue
        }
        e.error = g.code
        this.opts.changed({ ...e })
        // a lost connection: the reconnect flushes; anything else: this conversation again after a while
        if (g.code !== 'closed' && g.code !== 'network' && this.online)
          this.timers.set(
            conversationId,
            setTimeout(() => this.kick(conversationId), this.opts.retryDelay(g, e.attempts)),
          )
        return true
      }
    }
    return false
  }

  private async settle(e: OutboxEntry, state: 'sent' | 'failed', err?: GochatError): Promise<void> {
    e.state = state
    e.error = err?.code
    if (state === 'sent') {
      this.entries.delete(e.key)
      await this.store.remove(e.key)
    } else await this.store.put(e)
    this.opts.changed({ ...e })
    const w = this.waiters.get(e.key)
    this.waiters.delete(e.key)
    if (state === 'sent') w?.resolve({ messageId: e.messageId!, seq: e.seq! })
    else w?.reject(err!)
  }
}
