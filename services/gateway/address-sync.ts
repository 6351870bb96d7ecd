// The per-address connection cap over all gateways, at two cache round trips a tick whatever the connect rate:
// each gateway writes its count of every address holding at least `threshold` of its connections into one
// expiring hash (field `<gateway>|<address>`) and reads the whole hash back, so every gateway knows what the
// others hold of the addresses that matter. Addresses under the threshold (nearly every client) cost nothing;
// between two ticks a gateway counts only its own connections, so the cluster may go over the cap by what the
// others admitted in that tick plus (threshold - 1) per other gateway. A gateway that stops is forgotten when its
// fields expire (three ticks).
import type { Cache, HashFieldWrite } from '../../src/ports/cache.js'
import type { Logger } from '../../src/observability/log.js'
import type { ConnectionGuard } from './connection-guard.js'

export const ADDRESS_COUNTS_KEY = 'conn-per-address'

/** The smallest per-gateway count an address is published with: a quarter of the cap (at least 1) */
export const syncThreshold = (max: number) => Math.max(1, Math.floor(max / 4))

export interface AddressSyncOptions {
  cache: Cache
  guard: ConnectionGuard
  gatewayId: string
  /** max_connections_per_ip */
  maxPerAddress: number
  intervalMs: number
  log: Logger
}

export function startAddressSync(opts: AddressSyncOptions): { stop(): void; tick(): Promise<void> } {
  const { cache, guard, gatewayId } = opts
  const threshold = syncThreshold(opts.maxPerAddress)
  const ttlMs = opts.intervalMs * 3
  /** what this gateway published last tick: an address that fell under the threshold is written once more as 0 */
  let published = new Set<string>()
  let failing = false

  const tick = async () => {
    const writes: HashFieldWrite[] = []
    const now = new Set<string>()
    for (const [address, n] of guard.counts()) {
      if (n < threshold) continue
      now.add(address)
      writes.push({ key: ADDRESS_COUNTS_KEY, field: `${gatewayId}|${address}`, value: String(n) })
    }
    for (const address of published)
      if (!now.has(address)) writes.push({ key: ADDRESS_COUNTS_KEY, field: `${gatewayId}|${address}`, value: '0' })
    published = now
    try {
      if (writes.length) await cache.hashPutMany(writes, ttlMs)
      const [all = new Map<string, string>()] = await cache.hashGetMany([ADDRESS_COUNTS_KEY])
      const remote = new Map<string, number>()
      for (const [field, value] of all) {
        const bar = field.indexOf('|')
        if (field.slice(0, bar) === gatewayId) continue
        const address = field.slice(bar + 1)
        remote.set(address, (remote.get(address) ?? 0) + (Number(value) || 0))
      }
      guard.setRemote(remote)
      if (failing) opts.log.info('per-address connection counts shared again')
      failing = false
    } catch (err) {
      // the cap goes on with this gateway's own counts and the last remote ones
      if (!failing) opts.log.warn('per-address connection counts not shared (cache unavailable)', { err })
      failing = true
    }
  }

  let running: Promise<void> | undefined
  const timer = setInterval(() => {
    running ??= tick().finally(() => (running = undefined))
  }, opts.intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer), tick }
}
