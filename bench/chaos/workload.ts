// The checked workload of `gochat chaos`: direct pairs and one group with members on every gateway, a paced
// stream of sends with unique idempotency keys, each through its client's outbox (gochat/client), which retries a
// send that fails with `unavailable` or a lost socket with the same key for up to `retryForMs`; what is acked,
// and when, is recorded for the check. One send in five is an edit of the sender's last acked message there, and
// one in five a reaction to a message of the conversation: operations travel the seq stream as messages do, and
// the check also compares what they made of their targets with the operations history holds.
import { randomUUID } from 'node:crypto'
import { RestClient, type Session } from '../../src/client/rest.js'
import { createUsers } from '../admin.js'
import { GochatError } from '../../src/client/index.js'
import { ChaosClient } from './client.js'

const EMOJI = ['👍', '🎉', '❤️', '😂']

export interface WorkloadOptions {
  gateways: string[]
  adminSecret: string
  pairs: number
  groupSize: number
  /** sends a second, over all senders */
  rate: number
  retryForMs?: number
  /** a client's socket silent this long is replaced (0: only a close counts); see ChaosClient */
  silenceMs?: number
}

export interface Sent {
  conversationId: string
  /** 'text', or the operation this send was (on targetId) */
  kind: 'text' | 'edit' | 'reaction'
  targetId?: string
  sender: string
  key: string
  at: number
  ackAt?: number
  seq?: number
  error?: string
  attempts: number
  /** error frames the gateway answered this send with (a closed socket or a timeout is not one) */
  refusals: number
  messageId?: string
  /** when the app gave up waiting (retryForMs and a margin): the outbox may still send it, uncounted */
  abandoned?: boolean
}

export interface Conversation {
  id: string
  members: ChaosClient[]
}

export class Workload {
  readonly sent: Sent[] = []
  conversations: Conversation[] = []
  clients: ChaosClient[] = []
  private running = false
  private loop?: Promise<void>
  private inflight = new Set<Promise<void>>()

  constructor(readonly opts: WorkloadOptions) {}

  async setup(tag: string): Promise<void> {
    const { gateways, pairs, groupSize } = this.opts
    const { users } = await createUsers(
      gateways[0]!,
      this.opts.adminSecret,
      pairs * 2 + groupSize,
      `ch${tag}`.slice(0, 16),
    )
    this.clients = users.map(
      (u: Session, i) => new ChaosClient(u, gateways, i, this.opts.silenceMs, this.opts.retryForMs ?? 30_000),
    )
    for (let p = 0; p < pairs; p++) {
      const [a, b] = [this.clients[2 * p]!, this.clients[2 * p + 1]!]
      const { conversationId } = await new RestClient(gateways[0]!, a.session.token).direct(b.session.userId)
      this.conversations.push({ id: conversationId, members: [a, b] })
    }
    if (groupSize > 1) {
      const members = this.clients.slice(pairs * 2)
      const { conversationId } = await new RestClient(gateways[0]!, members[0]!.session.token).createGroup(
        `chaos-${tag}`,
        members.slice(1).map((c) => c.session.userId),
        this.opts.adminSecret, // strangers to each other: members at once, no invitations
      )
      this.conversations.push({ id: conversationId, members })
    }
    for (const c of this.conversations) for (const m of c.members) m.follow(c.id)
    for (let i = 0; i < this.clients.length; i += 50)
      await Promise.all(this.clients.slice(i, i + 50).map((c) => c.connect()))
  }

  start(): void {
    this.running = true
    const every = 1000 / this.opts.rate
    this.loop = (async () => {
      const t0 = performance.now()
      for (let n = 0; this.running; n++) {
        const wait = t0 + n * every - performance.now()
        if (wait > 0) await new Promise((r) => setTimeout(r, wait))
        const conv = this.conversations[n % this.conversations.length]!
        const sender = conv.members[Math.floor(n / this.conversations.length) % conv.members.length]!
        const p = this.sendOne(conv, sender, this.operation(n, conv, sender))
        this.inflight.add(p)
        void p.finally(() => this.inflight.delete(p))
      }
    })()
  }

  /** the n-th send: every fifth an edit of the sender's own last acked text, every fifth a reaction */
  private operation(n: number, conv: Conversation, sender: ChaosClient): Pick<Sent, 'kind' | 'targetId'> {
    const texts = this.sent.filter((s) => s.conversationId === conv.id && s.kind === 'text' && s.messageId)
    if (n % 5 === 3) {
      const own = texts.filter((s) => s.sender === sender.session.userId).pop()
      if (own) return { kind: 'edit', targetId: own.messageId }
    }
    if (n % 5 === 4 && texts.length > 0) return { kind: 'reaction', targetId: texts[n % texts.length]!.messageId }
    return { kind: 'text' }
  }

  private async sendOne(conv: Conversation, sender: ChaosClient, op: Pick<Sent, 'kind' | 'targetId'>): Promise<void> {
    const s: Sent = {
      ...op,
      conversationId: conv.id,
      sender: sender.session.userId,
      key: randomUUID(),
      at: Date.now(),
      attempts: 0,
      refusals: 0,
    }
    this.sent.push(s)
    // an outbox entry stuck behind a connection that never came back would keep the run waiting
    let giveUp: ReturnType<typeof setTimeout> | undefined
    const abandoned = new Promise<void>((resolve) => {
      giveUp = setTimeout(resolve, (this.opts.retryForMs ?? 30_000) + 15_000)
    })
    const [content, record] =
      s.kind === 'text'
        ? [`chaos ${s.key}`, undefined]
        : s.kind === 'edit'
          ? [`edited ${s.key}`, { kind: 'edit' as const, targetId: s.targetId }]
          : [EMOJI[s.key.charCodeAt(0) % EMOJI.length]!, { kind: 'reaction' as const, targetId: s.targetId }]
    const sent = sender
      .send(
        conv.id,
        content,
        s.key,
        (e) => {
          s.attempts = e.attempts
          if (e.state !== 'sent' && e.error && e.error !== 'expired') {
            s.error = e.error
            if (e.error !== 'closed' && e.error !== 'timeout') s.refusals++
          }
        },
        record,
      )
      .then((ack) => {
        s.seq = ack.seq
        s.messageId = ack.messageId
        s.ackAt = Date.now()
        s.error = undefined
      })
      .catch((err) => {
        const code = err instanceof GochatError ? err.code : (err as Error).message
        if (code !== 'expired' || !s.error) s.error = code // expired: the last error says why
      })
    await Promise.race([sent, abandoned.then(() => (s.abandoned = true))])
    clearTimeout(giveUp)
  }

  /** Stops sending and waits for the sends in flight. */
  async stop(): Promise<void> {
    this.running = false
    await this.loop
    await Promise.all([...this.inflight])
  }

  close(): void {
    for (const c of this.clients) c.close()
  }
}
