// How many client sockets one host can hold, and where they go. Two limits stop a single bench process long before
// the machine does: its descriptor limit (RLIMIT_NOFILE: `ulimit -n`, which Node raises to the hard limit at
// start; one socket is one descriptor) and the ephemeral ports of one source address (net.ipv4.ip_local_port_range:
// a socket bound to an address takes a port of that address's range). So a large run goes over several processes,
// each well under its descriptor limit, and, against a loopback gateway, over several loopback source addresses
// (127.0.0.2, 127.0.0.3, …: all of 127/8 is this host's, and 127.0.0.1's ports stay to everyone else).
import { readFileSync } from 'node:fs'
import type { Endpoint } from './endpoints.js'

/** descriptors a client process keeps for everything that is not a receiving socket (Node, IPC, the sender) */
const RESERVED_DESCRIPTORS = 1000
/** of an address's ephemeral ports, the share the bench takes (TIME_WAIT of an earlier run holds some) */
const PORT_SHARE = 0.7

/** this process's soft descriptor limit (Linux /proc; elsewhere a conservative 10,240) */
export function descriptorLimit(limits = readOr('/proc/self/limits')): number {
  const m = /^Max open files\s+(\d+|unlimited)/m.exec(limits)
  if (!m) return 10_240
  return m[1] === 'unlimited' ? 1_048_576 : Number(m[1])
}

/** the ephemeral ports of one source address (Linux /proc; elsewhere IANA's 16,384) */
export function ephemeralPorts(range = readOr('/proc/sys/net/ipv4/ip_local_port_range')): number {
  const [lo, hi] = range.trim().split(/\s+/).map(Number)
  return lo !== undefined && hi !== undefined && hi >= lo ? hi - lo + 1 : 16_384
}

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

export interface SocketLimits {
  /** receiving (and pair-sending) sockets one client process may hold */
  perProcess: number
  /** sockets per loopback source address */
  perAddress: number
}

export const defaultSocketLimits = (): SocketLimits => ({
  perProcess: Math.max(1, descriptorLimit() - RESERVED_DESCRIPTORS),
  perAddress: Math.max(1, Math.floor(ephemeralPorts() * PORT_SHARE)),
})

/** client processes `sockets` need: 1 means the worker threads of this process hold them all */
export const processesFor = (sockets: number, l: SocketLimits): number => Math.max(1, Math.ceil(sockets / l.perProcess))

const isLoopback = (url: string): boolean => {
  const host = new URL(url).hostname
  return /^127\./.test(host) || host === 'localhost'
}

/** 127.0.0.2, 127.0.0.3, … (k from 0) */
export const loopbackSource = (k: number): string => `127.0.${Math.floor((k + 2) / 256)}.${(k + 2) % 256}`

/**
 * Gives each endpoint to a loopback gateway a source address, endpoint k → address k mod n with n just enough for
 * `perAddress` each, so the addresses fill evenly. Endpoints to other hosts keep the system's choice: a source
 * address there must be one of this host's interfaces (spread those over agents instead). `total` counts every
 * socket of the run, so that the shares of several workers or agents use the same addresses.
 */
export function spreadSources<T extends Endpoint>(
  endpoints: T[],
  perAddress: number,
  offset = 0,
  total = endpoints.length,
): T[] {
  const loopback = endpoints.filter((e) => isLoopback(e.url)).length
  if (loopback === 0) return endpoints
  const n = Math.ceil(Math.max(total, loopback) / perAddress)
  return endpoints.map((e, k) => (isLoopback(e.url) ? { ...e, localAddress: loopbackSource((offset + k) % n) } : e))
}
