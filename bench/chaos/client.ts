// A chaos-workload client: one user of gochat/client (src/client/), the library apps build on, so that every
// chaos round checks it. It reconnects (to the next gateway) when its socket closes or goes silent, catches up
// after a reconnect, a `resync` or a seq gap, and sends through its outbox. Beside what the library delivered to
// the app, it records what arrived live (raw pushes, duplicates kept): the server's side of the story.
import { GochatClient } from '../../src/client/node.js'
import { MemoryOutbox, type OutboxEntry, type RecordFields } from '../../src/client/index.js'
import type { Session } from '../../src/client/rest.js'

export interface Receipt {
  conversationId: string
  seq: number
  at: number
}

export class ChaosClient {
  /** messages pushed live, in arrival order (duplicates kept) */
  readonly live: Receipt[] = []
  /** what the library delivered to the app, per conversation, in delivery order */
  readonly delivered = new Map<string, number[]>()
  /** highest seq known per followed conversation (live or synced) */
  readonly known = new Map<string, number>()
  resyncs = 0
  /** when each `resync` event arrived */
  readonly resyncAt: number[] = []
  readonly client: GochatClient
  private outboxSeen = new Map<string, (e: OutboxEntry) => void>()

  /**
   * `silenceMs`: a socket that hears nothing (no server ping, no frame) for this long is taken for lost and
   * replaced, as docs/protocol.md asks (two heartbeat intervals); that is how a client learns that its gateway's
   * host fell off the network, which closes nothing. 0: only a close counts. `retryForMs`: a send not acked
   * by then fails (`expired`) instead of being sent again.
   */
  constructor(
    readonly session: Session,
    gateways: string[],
    first: number,
    silenceMs = 0,
    retryForMs = 30_000,
  ) {
    const at = first % gateways.length
    this.client = new GochatClient({
      url: [...gateways.slice(at), ...gateways.slice(0, at)],
      silenceMs,
      backoff: { baseMs: 50, capMs: 1000 },
      stableMs: 1000,
      outbox: new MemoryOutbox(),
      outboxExpireMs: retryForMs,
    })
    this.client.useSession(session)
    this.client.on('frame', (f) => {
      if (f.op !== 'message') return
      this.live.push({ conversationId: f.message.conversationId, seq: f.message.seq, at: Date.now() })
      this.note(f.message.conversationId, f.message.seq)
    })
    this.client.on('message', ({ message: m }) => {
      let seqs = this.delivered.get(m.conversationId)
      if (!seqs) this.delivered.set(m.conversationId, (seqs = []))
      seqs.push(m.seq)
      this.note(m.conversationId, m.seq)
    })
    this.client.on('resync', () => {
      this.resyncs++
      this.resyncAt.push(Date.now())
    })
    this.client.on('outbox', (e) => this.outboxSeen.get(e.key)?.(e))
  }

  /** sockets replaced after a close or a silence */
  get reconnects(): number {
    return Math.max(0, this.client.connects - 1)
  }

  private note(conversationId: string, seq: number): void {
    if (seq > (this.known.get(conversationId) ?? 0)) this.known.set(conversationId, seq)
  }

  follow(conversationId: string): void {
    if (!this.known.has(conversationId)) this.known.set(conversationId, 0)
    this.client.follow(conversationId)
  }

  /** Connects (moving over the gateways until one answers) and resolves once caught up. */
  connect(): Promise<void> {
    return this.client.connect()
  }

  /**
   * One send through the outbox (retried there with the same key); `seen` hears every state change of it.
   * Rejects with the GochatError that failed it.
   */
  async send(
    conversationId: string,
    content: string,
    idempotencyKey: string,
    seen?: (e: OutboxEntry) => void,
    record?: RecordFields,
  ): Promise<{ seq: number; messageId: string }> {
    if (seen) this.outboxSeen.set(idempotencyKey, seen)
    try {
      const h = await this.client.send(conversationId, content, idempotencyKey, record)
      return await h.sent
    } finally {
      this.outboxSeen.delete(idempotencyKey)
    }
  }

  /** Catches up every conversation now (what the check does before it compares). */
  catchUp(): Promise<void> {
    return this.client.catchUpAll()
  }

  close(): void {
    this.client.close()
  }
}
