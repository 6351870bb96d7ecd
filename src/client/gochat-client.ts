// GochatClient: the one client of docs/protocol.md that apps (and this project's page, benches and chaos
// checker) build on. It signs in, keeps the token fresh, holds one connection that reconnects with full-jitter
// backoff, catches up after every (re)connect, `resync` and seq gap, delivers each message once and in seq order
// per conversation, and sends through an outbox that survives disconnects. docs/client.md is its manual.
import type { BackoffOptions } from './backoff.js'
import { CatchUp, type Page } from './catch-up.js'
import { Connection } from './connection.js'
import { Emitter } from './emitter.js'
import { type ClientEvents, dispatchEvent, dispatchRecord } from './events.js'
import { httpRequest } from './http.js'
import { type Ack, Outbox } from './outbox.js'
import { IndexedDbOutbox } from './outbox-idb.js'
import { MemoryOutbox, type OutboxEntry, type OutboxStore } from './outbox-store.js'
import { type Credentials, SessionKeeper } from './session.js'
import { browserTransport, type TransportFactory } from './transport.js'
import {
  type ConnectionState,
  type Conversation,
  GochatError,
  type Message,
  type RecordFields,
  type Session,
} from './types.js'

export interface GochatClientOptions {
  /** the gateway's base URL, e.g. http://127.0.0.1:8080 (in a page: its origin, the default); several: each
   *  reconnect goes to the next (every gateway serves every user) */
  url?: string | string[]
  /** the WebSocket underneath (default: the environment's; the Node entry gives `ws`) */
  transport?: TransportFactory
  /** where unsent messages wait, or how to make that store per user (default: IndexedDB where there is one,
   *  else memory) */
  outbox?: OutboxStore | ((userId: string) => OutboxStore)
  /** a pending message older than this fails (`expired`) instead of being sent (default 24 h) */
  outboxExpireMs?: number
  /** reconnect backoff: first and largest window (defaults 500 ms and 30 s) */
  backoff?: BackoffOptions
  requestTimeoutMs?: number
  pingMs?: number
  silenceMs?: number
  stableMs?: number
  /** refresh the token this long before it expires (default a tenth of its life, ≥ 1 min, ≤ half) */
  renewBeforeMs?: number
  /** keep the password in memory to renew the token (default true) */
  keepCredentials?: boolean
  /** the highest seq the app holds per conversation (from its own storage): catch-up starts there */
  seqs?: Record<string, number>
  /** for a conversation the client holds nothing of, how many of its latest messages catch-up fetches
   *  (default: all of them) */
  backfill?: number
  /** a message larger than this (UTF-8 bytes) goes over REST (the gateway refuses a frame over max_frame_bytes,
   *  64 KiB by default, without its ref) */
  maxSocketContentBytes?: number
}

export interface SendHandle {
  /** the idempotency key, and the id of the outbox entry */
  key: string
  /** settles once the server stored it (`{messageId, seq}`) or it failed for good */
  sent: Promise<Ack>
}

const utf8 = new TextEncoder()

export class GochatClient extends Emitter<ClientEvents> {
  private readonly urls: string[]
  private at = 0
  private readonly keeper: SessionKeeper
  private readonly conn: Connection
  private readonly catchUp: CatchUp
  private box?: Outbox
  private ready?: Promise<void>

  constructor(private readonly opts: GochatClientOptions = {}) {
    super()
    const origin = (globalThis as { location?: { origin?: string } }).location?.origin
    this.urls = (Array.isArray(opts.url) ? opts.url : [opts.url ?? origin ?? '']).map((u) => u.replace(/\/+$/, ''))
    if (!this.urls.every(Boolean)) throw new GochatError('bad_request', 'no url given and no page origin to default to')
    this.keeper = new SessionKeeper({
      baseUrl: () => this.url,
      renewBeforeMs: opts.renewBeforeMs,
      keepCredentials: opts.keepCredentials,
      changed: (s) => {
        this.emit('session', s)
        // signed out or expired without a way to renew: nothing left to connect with
        if (!s && this.conn && this.conn.state !== 'closed' && this.conn.state !== 'idle') this.close()
      },
      failed: (e) => this.emit('error', e),
    })
    this.catchUp = new CatchUp({
      list: () => this.conversations(),
      page: (id, afterSeq, limit) => this.history(id, afterSeq, limit),
      deliver: (d) => {
        this.emit('message', d)
        dispatchRecord(d.message, this.emit.bind(this))
      },
      seqs: opts.seqs,
      backfill: opts.backfill,
    })
    this.conn = new Connection(
      {
        transport: opts.transport ?? browserTransport,
        backoff: opts.backoff,
        requestTimeoutMs: opts.requestTimeoutMs,
        pingMs: opts.pingMs,
        silenceMs: opts.silenceMs,
        stableMs: opts.stableMs,
      },
      {
        url: async () =>
          `${this.url.replace(/^http/, 'ws')}/v1/ws?token=${encodeURIComponent(await this.keeper.fresh())}`,
        online: () => {
          if (this.box) this.box.online = true
          this.box?.flush()
          void this.catchUpAll()
        },
        offline: () => {
          if (this.box) this.box.online = false
          this.at = (this.at + 1) % this.urls.length
        },
        frame: (f) => {
          this.emit('frame', f)
          if (f.op === 'message') this.catchUp.live(f.message)
          else if (f.op === 'event' && (f.type === 'resync' || f.event?.event_type === 'resync')) {
            this.emit('resync', undefined)
            void this.catchUpAll()
          } else if (f.op === 'event') dispatchEvent(f.event, (type, arg) => this.emit(type, arg))
        },
        state: (state, extra) => {
          if (state === 'closed' && this.box) this.box.online = false
          this.emit('state', { state, ...extra })
        },
        unauthorized: () => this.keeper.renew(),
      },
    )
  }

  /** the gateway in use (the next one after each lost connection, when given several) */
  get url(): string {
    return this.urls[this.at]!
  }

  // ---- session ---------------------------------------------------------------------------------------------
  get session(): Session | undefined {
    return this.keeper.session
  }
  get userId(): string | undefined {
    return this.keeper.session?.userId
  }
  get state(): ConnectionState {
    return this.conn.state
  }
  signIn(username: string, password: string): Promise<Session> {
    return this.keeper.login({ username, password })
  }
  register(credentials: Credentials & { displayName?: string }): Promise<Session> {
    return this.keeper.register(credentials)
  }
  signInAsGuest(displayName?: string): Promise<Session> {
    return this.keeper.guest(displayName)
  }
  /** Goes on with a session the app kept (a token from an earlier sign-in). */
  useSession(session: Session): Session {
    return this.keeper.use(session)
  }
  /** Revokes the token on the server and closes the connection. Pending messages stay in a durable outbox. */
  async logout(): Promise<void> {
    this.close()
    await this.keeper.logout()
  }

  // ---- connection ------------------------------------------------------------------------------------------
  /** Connects (signed in first) and resolves once caught up the first time; reconnects on its own after that. */
  connect(): Promise<void> {
    // a failed start (a refused token) may be tried again
    return (this.ready ??= this.start().catch((err) => {
      this.ready = undefined
      throw err
    }))
  }

  private async start(): Promise<void> {
    const userId = this.userId
    if (!userId) throw new GochatError('unauthorized', 'sign in first')
    const store =
      typeof this.opts.outbox === 'function'
        ? this.opts.outbox(userId)
        : (this.opts.outbox ??
          (IndexedDbOutbox.available ? new IndexedDbOutbox(`gochat-outbox-${userId}`) : new MemoryOutbox()))
    this.box = new Outbox(store, {
      deliver: (e) => this.deliver(e),
      changed: (e) => this.emit('outbox', e),
      // the reconnect's backoff (full jitter, its base and cap), never sooner than Retry-After
      retryDelay: (err, attempts) => {
        const b = this.opts.backoff
        const window = Math.min(b?.capMs ?? 30_000, (b?.baseMs ?? 500) * 2 ** attempts)
        return Math.max(err.retryAfterMs ?? 0, Math.random() * window)
      },
      expireMs: this.opts.outboxExpireMs,
    })
    await this.box.load()
    for (const e of this.box.list()) this.emit('outbox', e) // what an earlier page or process left pending
    const synced = new Promise<void>((resolve, reject) => {
      const offs = [
        this.once('synced', () => (offs.forEach((f) => f()), resolve())),
        this.on('state', (s) => {
          if (s.state === 'closed') offs.forEach((f) => f()), reject(s.error ?? new GochatError('closed', 'closed'))
        }),
      ]
    })
    this.conn.start()
    return synced
  }

  /** Reconnects now if waiting to (e.g. on the browser's `online` event). */
  reconnectNow(): void {
    this.conn.nudge()
  }
  /** Drops the socket as a network failure would: the client reconnects and catches up as after any. */
  dropConnection(): void {
    this.conn.drop()
  }
  /** Closes the connection for good (this client object is done); the outbox keeps what is pending. */
  close(): void {
    this.box?.close()
    this.conn.stop()
  }
  /** sockets opened so far */
  get connects(): number {
    return this.conn.connects
  }

  // ---- catch-up --------------------------------------------------------------------------------------------
  private catching?: Promise<void>
  private catchAgain = false

  /** Catches up every conversation now (what a reconnect and `resync` do); one run at a time. */
  catchUpAll(): Promise<void> {
    if (this.catching) {
      this.catchAgain = true
      return this.catching
    }
    this.catching = (async () => {
      do {
        this.catchAgain = false
        try {
          const r = await this.catchUp.all()
          this.emit('conversations', r.conversations)
          this.emit('synced', { conversations: r.conversations.length, messages: r.messages })
        } catch (err) {
          // a lost connection catches up again when it is back; anything else (a 503 while a role restarts) is
          // tried again after a while, on the same connection
          const g = err instanceof GochatError ? err : new GochatError('internal', String(err))
          if (g.code === 'closed') continue
          this.emit('error', g)
          const wait = Math.max(g.retryAfterMs ?? 0, 500 + Math.random() * (this.opts.backoff?.capMs ?? 5000))
          setTimeout(() => this.conn.open && void this.catchUpAll(), Math.min(wait, 30_000))
        }
      } while (this.catchAgain && this.conn.open)
    })().finally(() => (this.catching = undefined))
    return this.catching
  }

  /** Follows a conversation from `afterSeq` (e.g. one just created): pushes and catch-ups include it. */
  follow(conversationId: string, afterSeq?: number): void {
    this.catchUp.follow(conversationId, afterSeq)
  }
  /** The highest seq delivered to the app for a conversation. */
  highestSeq(conversationId: string): number {
    return this.catchUp.highest(conversationId)
  }

  // ---- sending ---------------------------------------------------------------------------------------------
  /** Queues a message in the outbox and sends it as soon as connected; `sent` settles with its seq. */
  async send(conversationId: string, content: string, key?: string, record?: RecordFields): Promise<SendHandle> {
    if (!this.box) throw new GochatError('unauthorized', 'connect first')
    const { entry, sent } = await this.box.add(conversationId, content, key, record)
    return { key: entry.key, sent }
  }
  /** Replaces the text of your message `messageId` (within the server's edit window). */
  edit(conversationId: string, messageId: string, text: string): Promise<SendHandle> {
    return this.send(conversationId, text, undefined, { kind: 'edit', targetId: messageId })
  }
  /** Adds your reaction (one emoji per message: a second replaces the first), or takes it back with `remove`. */
  react(conversationId: string, messageId: string, emoji: string, remove = false): Promise<SendHandle> {
    return this.send(conversationId, emoji, undefined, {
      kind: remove ? 'unreaction' : 'reaction',
      targetId: messageId,
    })
  }
  /** Pins a message of the conversation (group admins; anyone in a direct chat), or unpins it. */
  pin(conversationId: string, messageId: string, unpin = false): Promise<SendHandle> {
    return this.send(conversationId, '', undefined, { kind: unpin ? 'unpin' : 'pin', targetId: messageId })
  }
  /** The conversation's pinned messages, newest pin first. */
  async pins(conversationId: string): Promise<Message[]> {
    return (
      await this.api<{ messages: Message[] }>('GET', `/v1/conversations/${encodeURIComponent(conversationId)}/pins`)
    ).messages
  }
  /** Messages not yet acknowledged: pending and failed, in send order. */
  outbox(): OutboxEntry[] {
    return this.box?.list() ?? []
  }
  /** Sends a failed message again with its key; resolves with its new `sent`. */
  retry(key: string): Promise<Promise<Ack>> {
    if (!this.box) throw new GochatError('unauthorized', 'connect first')
    return this.box.retry(key)
  }
  /** Forgets a failed message. */
  async discard(key: string): Promise<void> {
    await this.box?.discard(key)
  }

  private async deliver(e: OutboxEntry): Promise<Ack> {
    const body = { content: e.content, idempotencyKey: e.key, ...e.record }
    if (utf8.encode(e.content).length > (this.opts.maxSocketContentBytes ?? 60_000)) {
      if (!this.conn.open) throw new GochatError('closed', 'not connected')
      return this.api<Ack>('POST', `/v1/conversations/${encodeURIComponent(e.conversationId)}/messages`, body)
    }
    const f = await this.conn.request({ op: 'send', conversationId: e.conversationId, ...body })
    if (f.op !== 'ack' || f.seq === undefined) throw new GochatError('internal', `unexpected answer ${f.op}`)
    return { messageId: f.messageId!, seq: f.seq }
  }

  // ---- other requests --------------------------------------------------------------------------------------
  /** One page of history after `afterSeq` (socket when connected, REST otherwise). */
  async history(conversationId: string, afterSeq = 0, limit = 50): Promise<Page> {
    if (this.conn.open) {
      const f = await this.conn.request({ op: 'sync', conversationId, afterSeq, limit })
      if (f.op === 'sync.result') return { messages: f.messages, hasMore: f.hasMore }
    }
    const q = `afterSeq=${afterSeq}&limit=${limit}`
    return this.api<Page>('GET', `/v1/conversations/${encodeURIComponent(conversationId)}/messages?${q}`)
  }
  async conversations(): Promise<Conversation[]> {
    return (await this.api<{ conversations: Conversation[] }>('GET', '/v1/conversations')).conversations
  }
  /** Moves the read cursor (never back). */
  async markRead(conversationId: string, seq: number): Promise<void> {
    if (this.conn.open) await this.conn.request({ op: 'read', conversationId, seq })
    else await this.api('POST', `/v1/conversations/${encodeURIComponent(conversationId)}/read`, { seq })
  }
  /** Says the user is typing (send at most every 2 s); dropped while offline. */
  typing(conversationId: string): void {
    this.conn.notify({ op: 'typing', conversationId })
  }
  /** Any REST route of docs/protocol.md, with the session's token. */
  async api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    return httpRequest<T>(this.url, method, path, { token: await this.keeper.fresh(), body })
  }
}

export type { Message }
