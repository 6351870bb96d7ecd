// What a connection may cost before it has said anything (issue 23): a socket that sends no byte within
// http_first_byte_timeout_ms is closed (node's headers timeout only starts at the first byte, so silent sockets
// held descriptors for ever), and one client address holds at most max_connections_per_ip connections over all
// gateways. The count is this gateway's own plus what the others published in the cache (address-sync.ts): the
// check on accept is a map lookup, never a cache round trip.
import { BlockList, isIP, type Socket } from 'node:net'
import type { Server } from 'node:http'
import type { Logger } from '../../src/observability/log.js'
import { connectionsRefused } from './metrics.js'
import { clientKey } from './rate-limit.js'

export interface GuardOptions {
  /** max_connections_per_ip */
  maxPerAddress: number
  /** http_first_byte_timeout_ms */
  firstByteTimeoutMs: number
  /** max_connections_per_ip_exempt: addresses and CIDR blocks not capped */
  exempt: string[]
  log: Logger
}

/** Retry-After of a refused connection: by then one of the others may have closed */
const RETRY_AFTER_S = 5

/** A raw 429 for a refused connection: an HTTP client reads it whether or not it has sent its request yet */
function refusal(max: number): string {
  const body = JSON.stringify({
    error: { code: 'rate_limited', message: `at most ${max} connections from one address; retry later` },
  })
  return (
    `HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json; charset=utf-8\r\nRetry-After: ${RETRY_AFTER_S}\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n` +
    `Connection: close\r\n\r\n${body}`
  )
}

/** Whether an address is in the exempt list (IPv4-mapped IPv6 addresses count as IPv4) */
export function exemptions(list: string[]): (address: string | undefined) => boolean {
  const blocks = new BlockList()
  for (const entry of list) {
    const [addr = '', bits] = entry.split('/')
    const type = isIP(addr) === 6 ? 'ipv6' : 'ipv4'
    if (bits === undefined) blocks.addAddress(addr, type)
    else blocks.addSubnet(addr, Number(bits), type)
  }
  return (address) => {
    if (!address || list.length === 0) return false
    const v4 = address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address
    return blocks.check(v4, isIP(v4) === 6 ? 'ipv6' : 'ipv4')
  }
}

export class ConnectionGuard {
  /** open connections of this gateway by address key (clientKey), exempt addresses not counted */
  private readonly local = new Map<string, number>()
  /** other gateways' counts by address key, as last read from the cache */
  private remote = new Map<string, number>()
  private readonly isExempt: (address: string | undefined) => boolean
  private readonly response: string

  constructor(private readonly opts: GuardOptions) {
    this.isExempt = exemptions(opts.exempt)
    this.response = refusal(opts.maxPerAddress)
  }

  /** guards every connection `server` accepts; call before it listens */
  attach(server: Server): void {
    server.on('connection', (socket: Socket) => this.accepted(socket))
  }

  /** the key an address is counted under, or undefined when it is exempt */
  keyOf(address: string | undefined): string | undefined {
    return this.isExempt(address) ? undefined : clientKey(address)
  }

  /** this gateway's open connections by address key */
  counts(): ReadonlyMap<string, number> {
    return this.local
  }

  /** replaces the other gateways' counts (address-sync.ts, once per tick) */
  setRemote(counts: Map<string, number>): void {
    this.remote = counts
  }

  private accepted(socket: Socket): void {
    const timer = setTimeout(() => {
      // bytesRead counts what the HTTP parser consumed too: 0 means the client never said anything
      if (socket.bytesRead === 0) {
        connectionsRefused.inc({ reason: 'first_byte_timeout' })
        socket.destroy()
      }
    }, this.opts.firstByteTimeoutMs)
    timer.unref()
    socket.once('close', () => clearTimeout(timer))

    const key = this.keyOf(socket.remoteAddress)
    if (key === undefined) return
    const mine = this.local.get(key) ?? 0
    if (mine + (this.remote.get(key) ?? 0) >= this.opts.maxPerAddress) {
      connectionsRefused.inc({ reason: 'per_address_cap' })
      this.opts.log.debug('connection refused: per-address cap', { address: key, max: this.opts.maxPerAddress })
      clearTimeout(timer)
      // the descriptor goes as soon as the answer is written, whether or not the client reads it
      socket.end(this.response, () => socket.destroy())
      return
    }
    this.local.set(key, mine + 1)
    socket.once('close', () => {
      const n = (this.local.get(key) ?? 1) - 1
      if (n > 0) this.local.set(key, n)
      else this.local.delete(key)
    })
  }
}
