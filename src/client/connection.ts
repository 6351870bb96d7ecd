// One logical connection to the gateway over successive sockets: connects, answers requests by `ref`, notices a
// silent socket (no frame and no ping for `silenceMs`: a gateway whose host fell off the network closes nothing)
// and reconnects with full-jitter backoff, never sooner than a Retry-After. A refused token stops it unless the
// session can be renewed; a revoked one (logout elsewhere) stops it for good.
import { Backoff, type BackoffOptions } from './backoff.js'
import type { CloseInfo, Transport, TransportFactory } from './transport.js'
import { type ConnectionState, GochatError, type ServerFrame } from './types.js'

export interface ConnectionOptions {
  transport: TransportFactory
  backoff?: BackoffOptions
  /** a request with no answer this long fails with `timeout` (default 10 s) */
  requestTimeoutMs?: number
  /** a `ping` op this often keeps a quiet socket observable (default 15 s, the server's heartbeat) */
  pingMs?: number
  /** nothing heard this long: the socket is taken for lost (default 35 s: two heartbeats and a margin; 0 never) */
  silenceMs?: number
  /** a socket that held this long resets the backoff (default 5 s: one that drops at once keeps backing off) */
  stableMs?: number
}

export interface ConnectionHooks {
  /** the socket URL with a valid token (renewed if due); a GochatError `invalid_token` ends the connection */
  url(): Promise<string>
  /** the socket is open: catch up and flush */
  online(): void
  /** the socket closed (before the backoff wait) */
  offline(info: CloseInfo): void
  /** every frame that answers no request */
  frame(f: ServerFrame): void
  /**
   * lean mode (the bench's receivers): each frame's text before anything else; true when it was handled, so the
   * connection neither parses it nor looks for a request it answers
   */
  text?(data: string): boolean
  state(state: ConnectionState, extra: { retryInMs?: number; error?: GochatError }): void
  /** the gateway refused the token: true when a new one was obtained (try again at once) */
  unauthorized(): Promise<boolean>
}

interface Waiter {
  resolve: (f: ServerFrame) => void
  reject: (e: Error) => void
  timer: ReturnType<typeof setTimeout>
}

export class Connection {
  state: ConnectionState = 'idle'
  private socket?: Transport
  private waiting = new Map<string, Waiter>()
  private nextRef = 0
  private retryTimer?: ReturnType<typeof setTimeout>
  private backoff: Backoff
  /** connects made (the first included) */
  connects = 0

  constructor(
    private readonly opts: ConnectionOptions,
    private readonly hooks: ConnectionHooks,
  ) {
    this.backoff = new Backoff(opts.backoff)
  }

  get open(): boolean {
    return this.state === 'online'
  }

  start(): void {
    if (this.state === 'idle' || this.state === 'offline') void this.attempt()
  }

  /** Reconnects now instead of waiting out the backoff (the network came back, the user asked). */
  nudge(): void {
    if (this.state !== 'offline') return
    clearTimeout(this.retryTimer)
    void this.attempt()
  }

  /** Drops the current socket as if the network had cut it (tests, and apps that know the network changed). */
  drop(): void {
    this.socket?.close(true)
  }

  /** Closes for good; `abort` drops the socket without the closing handshake. */
  stop(abort = false): void {
    clearTimeout(this.retryTimer)
    this.setState('closed')
    this.socket?.close(abort)
    this.socket = undefined
    this.failAll('closed', 'the client closed')
  }

  private setState(state: ConnectionState, extra: { retryInMs?: number; error?: GochatError } = {}): void {
    this.state = state
    this.hooks.state(state, extra)
  }

  private async attempt(): Promise<void> {
    this.setState('connecting')
    let url: string
    try {
      url = await this.hooks.url()
    } catch (err) {
      const g = err instanceof GochatError ? err : new GochatError('network', String(err))
      if (g.status === 401 || g.code === 'invalid_token') return this.setState('closed', { error: g })
      return this.retry(g)
    }
    if (this.state !== 'connecting') return // stopped meanwhile
    this.connects++
    const life = { heard: Date.now(), openedAt: 0, watch: undefined as ReturnType<typeof setInterval> | undefined }
    const socket = this.opts.transport(url, {
      open: () => {
        if (this.socket !== socket) return
        life.openedAt = life.heard = Date.now()
        this.setState('online')
        life.watch = this.watch(socket, life)
        this.hooks.online()
      },
      alive: () => {
        life.heard = Date.now()
      },
      message: (data) => {
        life.heard = Date.now()
        if (this.socket === socket) this.onMessage(data)
      },
      close: (info) => {
        clearInterval(life.watch)
        if (this.socket !== socket) return
        this.socket = undefined
        if (life.openedAt && Date.now() - life.openedAt >= (this.opts.stableMs ?? 5000)) this.backoff.reset()
        void this.closed(info)
      },
    })
    this.socket = socket
  }

  /** pings a quiet socket and drops a silent one; a late tick means this process stalled, which is no verdict */
  private watch(socket: Transport, life: { heard: number }): ReturnType<typeof setInterval> | undefined {
    const silence = this.opts.silenceMs ?? 35_000
    const ping = this.opts.pingMs ?? 15_000
    if (silence <= 0 && ping <= 0) return undefined
    const every = Math.max(50, Math.min(silence > 0 ? silence / 4 : ping, ping > 0 ? ping : Number.POSITIVE_INFINITY))
    let tick = Date.now()
    let lastPing = tick
    return setInterval(() => {
      const now = Date.now()
      if (now - tick > every * 2) life.heard = now
      tick = now
      if (silence > 0 && now - life.heard > silence) return socket.close(true)
      if (ping > 0 && now - lastPing >= ping && now - life.heard >= ping) {
        lastPing = now
        this.request({ op: 'ping' }).catch(() => undefined)
      }
    }, every)
  }

  private async closed(info: CloseInfo): Promise<void> {
    this.failAll('closed', `the connection closed (${info.code})`)
    if (this.state === 'closed') return
    this.hooks.offline(info)
    if ((this.state as ConnectionState) === 'closed') return // stopped there
    if (info.code === 1008 && /revoked/.test(info.reason))
      return this.setState('closed', { error: new GochatError('invalid_token', 'the token was revoked', 401) })
    if (info.status === 401) {
      const renewed = await this.hooks.unauthorized().catch(() => false)
      if (!renewed) return this.setState('closed', { error: new GochatError('invalid_token', 'token refused', 401) })
    }
    const err = new GochatError(info.status ? `http_${info.status}` : 'closed', info.reason || `code ${info.code}`)
    this.retry(err, info.retryAfterMs)
  }

  private retry(error: GochatError, retryAfterMs?: number): void {
    if (this.state === 'closed') return
    const delay = this.backoff.next(retryAfterMs ?? error.retryAfterMs)
    this.setState('offline', { retryInMs: delay, error })
    this.retryTimer = setTimeout(() => void this.attempt(), delay)
  }

  private onMessage(data: string): void {
    if (this.hooks.text?.(data)) return
    let f: ServerFrame
    try {
      f = JSON.parse(data)
    } catch {
      return
    }
    const ref = 'ref' in f && f.ref !== undefined ? String(f.ref) : undefined
    const w = ref === undefined ? undefined : this.waiting.get(ref)
    if (!w) {
      this.hooks.frame(f)
      return
    }
    this.waiting.delete(ref!)
    clearTimeout(w.timer)
    if (f.op === 'error') w.reject(new GochatError(f.code, f.message))
    else w.resolve(f)
  }

  /** Sends a frame and resolves with its answer; rejects with the error frame's code, `closed` or `timeout`. */
  request(frame: Record<string, unknown>, timeoutMs = this.opts.requestTimeoutMs ?? 10_000): Promise<ServerFrame> {
    const socket = this.socket
    if (!socket || this.state !== 'online') return Promise.reject(new GochatError('closed', 'not connected'))
    const ref = `r${++this.nextRef}`
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(ref)
        reject(new GochatError('timeout', `${String(frame.op)} got no answer in ${timeoutMs} ms`))
      }, timeoutMs)
      this.waiting.set(ref, { resolve, reject, timer })
      socket.send(JSON.stringify({ ...frame, ref }))
    })
  }

  /** A frame without an answer (typing); dropped when not connected. */
  notify(frame: Record<string, unknown>): boolean {
    if (!this.socket || this.state !== 'online') return false
    this.socket.send(JSON.stringify(frame))
    return true
  }

  private failAll(code: string, message: string): void {
    for (const [ref, w] of this.waiting) {
      clearTimeout(w.timer)
      w.reject(new GochatError(code, message))
      this.waiting.delete(ref)
    }
  }
}
