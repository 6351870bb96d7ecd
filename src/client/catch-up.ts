// Catch-up: what the client does after every (re)connect, on `resync` and on a seq gap. It reads the conversation
// list and syncs each conversation whose lastSeq is above the highest seq delivered, from that seq until
// `hasMore` is false, and feeds pushed messages through the same per-conversation Timeline, so the app gets each
// (conversation, seq) once, in seq order. At most one sync per conversation runs at a time; one asked for while
// another runs is done after it (the gap may have opened after its read).
import { Timeline, type Delivery } from './timeline.js'
import type { Conversation, Message } from './types.js'

export interface Page {
  messages: Message[]
  hasMore: boolean
}

export interface CatchUpOptions {
  list: () => Promise<Conversation[]>
  page: (conversationId: string, afterSeq: number, limit: number) => Promise<Page>
  deliver: (d: Delivery) => void
  /** highest seq the app holds already, per conversation (resuming from its own storage) */
  seqs?: Record<string, number>
  /** for a conversation the client holds nothing of, how many of its latest messages to fetch (default: all) */
  backfill?: number
  /** sync page size (default 200, the server's largest) */
  pageSize?: number
  /** conversations synced at once (default 4) */
  parallel?: number
}

export class CatchUp {
  private timelines = new Map<string, Timeline>()
  private running = new Map<string, Promise<number>>()
  private again = new Set<string>()

  constructor(private readonly opts: CatchUpOptions) {}

  /** The highest seq delivered for a conversation (0 when none). */
  highest(conversationId: string): number {
    return this.timelines.get(conversationId)?.high ?? this.opts.seqs?.[conversationId] ?? 0
  }

  /** conversations the client follows (seen in the list or a push, or followed by the app) */
  get conversations(): string[] {
    return [...this.timelines.keys()]
  }

  /** The timeline of a conversation, made on first sight; `lastSeq` (when known) bounds a backfill. */
  timeline(conversationId: string, lastSeq?: number): Timeline {
    let t = this.timelines.get(conversationId)
    if (!t) {
      const held = this.opts.seqs?.[conversationId]
      const b = this.opts.backfill
      const start = held ?? (b !== undefined && lastSeq !== undefined ? Math.max(0, lastSeq - b) : 0)
      this.timelines.set(conversationId, (t = new Timeline(conversationId, start)))
    }
    return t
  }

  /** Follows a conversation from `afterSeq` (default: what `seqs` says, else its start) unless it is followed. */
  follow(conversationId: string, afterSeq?: number): void {
    if (!this.timelines.has(conversationId))
      this.timelines.set(
        conversationId,
        new Timeline(conversationId, afterSeq ?? this.opts.seqs?.[conversationId] ?? 0),
      )
  }

  /** A pushed message: delivered in order, or held while a sync fills the gap below it. */
  live(m: Message): void {
    const t = this.timeline(m.conversationId, this.timelines.has(m.conversationId) ? undefined : m.seq - 1)
    for (const d of t.live(m)) this.opts.deliver(d)
    if (t.gapped) void this.sync(m.conversationId).catch(() => undefined)
  }

  /**
   * Reads the conversation list and syncs every conversation with messages beyond what was delivered (and every
   * one with a gap). Resolves with the conversations and the number of messages delivered.
   */
  async all(): Promise<{ conversations: Conversation[]; messages: number }> {
    const list = await this.opts.list()
    const due = list.filter((c) => {
      const t = this.timeline(c.conversationId, c.lastSeq)
      return c.lastSeq > t.high || t.gapped
    })
    let messages = 0
    let failure: unknown
    const queue = due.map((c) => c.conversationId)
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift())
        messages += await this.sync(id).catch((err) => ((failure ??= err), 0))
    }
    await Promise.all(Array.from({ length: Math.min(queue.length, this.opts.parallel ?? 4) }, worker))
    if (failure) throw failure
    return { conversations: list, messages }
  }

  /** Syncs one conversation from its highest delivered seq until complete; resolves with the messages delivered. */
  sync(conversationId: string): Promise<number> {
    const running = this.running.get(conversationId)
    if (running) {
      this.again.add(conversationId)
      return running
    }
    const p = this.run(conversationId).finally(() => this.running.delete(conversationId))
    this.running.set(conversationId, p)
    return p
  }

  private async run(conversationId: string): Promise<number> {
    const t = this.timeline(conversationId)
    let n = 0
    do {
      this.again.delete(conversationId)
      for (;;) {
        const page = await this.opts.page(conversationId, t.high, this.opts.pageSize ?? 200)
        const complete = !page.hasMore || page.messages.length === 0
        const out = t.synced(page.messages, complete)
        n += out.length
        for (const d of out) this.opts.deliver(d)
        if (complete) break
      }
    } while (this.again.has(conversationId) || t.gapped)
    return n
  }
}
