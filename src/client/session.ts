// Sign-in and the token's life: password and guest sign-in, renewal before expiry, logout. Every session renews
// with POST /v1/auth/refresh before its token expires (docs/protocol.md). When the server refuses (the token
// expired meanwhile, e.g. a laptop asleep) a password session signs in again with the credentials it keeps in
// memory (never stored) unless the app says not to; a guest at the end of its life (guest_ttl_days) or refused
// otherwise keeps its token to its expiry: then the app hears `session: null`.
import { httpRequest } from './http.js'
import { GochatError, type Session } from './types.js'

export interface Credentials {
  username: string
  password: string
}

/** The token's `exp` (epoch ms), or undefined when it has none or cannot be read (the token is opaque to apps). */
export function tokenExpiry(token: string): number | undefined {
  try {
    const part = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')
    const claims = JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '='))) as { exp?: number }
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined
  } catch {
    return undefined
  }
}

export interface SessionOptions {
  /** the gateway to ask now (the client may move between gateways) */
  baseUrl: () => string
  /** renew this long before expiry (default: a tenth of the token's life, at least 1 min) */
  renewBeforeMs?: number
  /** keep the password in memory to renew the token (default true) */
  keepCredentials?: boolean
  changed: (s: Session | null) => void
  failed: (e: GochatError) => void
}

export class SessionKeeper {
  session?: Session
  private credentials?: Credentials
  private timer?: ReturnType<typeof setTimeout>
  private renewing?: Promise<boolean>
  /** the server will not refresh this token and there is no password: it is used until it expires */
  private final = false

  constructor(private readonly opts: SessionOptions) {}

  get token(): string | undefined {
    return this.session?.token
  }

  async login(credentials: Credentials): Promise<Session> {
    const s = await httpRequest<Session>(this.opts.baseUrl(), 'POST', '/v1/auth/login', { body: credentials })
    if (this.opts.keepCredentials !== false) this.credentials = credentials
    return this.use(s)
  }

  async register(credentials: Credentials & { displayName?: string }): Promise<Session> {
    const s = await httpRequest<Session>(this.opts.baseUrl(), 'POST', '/v1/auth/register', { body: credentials })
    if (this.opts.keepCredentials !== false)
      this.credentials = { username: credentials.username, password: credentials.password }
    return this.use(s)
  }

  async guest(displayName?: string): Promise<Session> {
    const s = await httpRequest<Session>(this.opts.baseUrl(), 'POST', '/v1/auth/guest', { body: { displayName } })
    this.credentials = undefined
    return this.use(s)
  }

  /** A session the app kept (a token from an earlier sign-in). */
  use(s: Session): Session {
    this.session = { userId: s.userId, token: s.token }
    this.final = false
    this.schedule()
    this.opts.changed(this.session)
    return this.session
  }

  /** Revokes the token on the server (its sockets are closed) and forgets it. */
  async logout(): Promise<void> {
    const token = this.token
    this.forget()
    if (token) await httpRequest(this.opts.baseUrl(), 'POST', '/v1/auth/logout', { token })
  }

  forget(): void {
    clearTimeout(this.timer)
    this.session = this.credentials = undefined
    this.opts.changed(null)
  }

  /** A token good for at least a while: renewed first when due or already expired. */
  async fresh(): Promise<string> {
    const exp = this.session && tokenExpiry(this.session.token)
    if (exp !== undefined && exp - Date.now() < 5000) await this.renew()
    if (!this.session) throw new GochatError('invalid_token', 'signed out', 401)
    return this.session.token
  }

  /** Refreshes the token, else signs in again with the kept credentials; false when neither worked. */
  renew(): Promise<boolean> {
    return (this.renewing ??= this.doRenew().finally(() => {
      this.renewing = undefined
    }))
  }

  private async doRenew(): Promise<boolean> {
    const token = this.session?.token
    const exp = token ? tokenExpiry(token) : undefined
    if (token && (exp === undefined || exp > Date.now())) {
      try {
        this.use(await httpRequest<Session>(this.opts.baseUrl(), 'POST', '/v1/auth/refresh', { token }))
        return true
      } catch (err) {
        const g = err as GochatError
        if (g.status !== 401) return this.later(g)
        // refused (expired meanwhile, revoked, a guest at its end): a kept password signs in again
      }
    }
    if (!this.credentials) {
      if (exp !== undefined && exp <= Date.now()) this.forget()
      else if (this.session) {
        this.final = true
        this.schedule()
      }
      return false
    }
    try {
      const s = await httpRequest<Session>(this.opts.baseUrl(), 'POST', '/v1/auth/login', { body: this.credentials })
      this.use(s)
      return true
    } catch (err) {
      const g = err as GochatError
      if (g.status !== 401) return this.later(g)
      this.opts.failed(g)
      this.forget() // the password changed or the account is gone
      return false
    }
  }

  /** the server was unreachable or busy: again later */
  private later(g: GochatError): false {
    this.opts.failed(g)
    this.schedule(Math.max(30_000, g.retryAfterMs ?? 0))
    return false
  }

  private schedule(inMs?: number): void {
    clearTimeout(this.timer)
    const exp = this.session && tokenExpiry(this.session.token)
    if (exp === undefined) return
    const life = exp - Date.now()
    const before = this.opts.renewBeforeMs ?? Math.min(life / 2, Math.max(60_000, life / 10))
    // a final token waits for the end (then it is signed out); setTimeout holds at most 2^31-1 ms (24.8 days), and
    // a longer wait just comes back here
    // at most one renewal a second, even when told to renew earlier than the token's whole life
    const due = this.final ? Math.max(0, life) : Math.max(1000, life - before)
    this.timer = setTimeout(
      () => {
        // a retry (inMs) renews whatever the shorter life left now makes of `before`
        if (!this.final && (inMs !== undefined || Date.now() >= exp - before)) void this.renew()
        else if (this.final && Date.now() >= exp) this.forget()
        else this.schedule()
      },
      Math.min(inMs ?? due, 2 ** 31 - 1),
    )
    ;(this.timer as { unref?: () => void }).unref?.()
  }
}
