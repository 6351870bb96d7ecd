// Liveness and readiness, the same on every role. Live: the process answers HTTP (nothing is checked). Ready: every
// peer and engine the role needs answered its probe. Probes are cached for a short while and shared by concurrent
// callers, so a load balancer polling /health/ready under load costs one probe per check and period, not one per
// request; a probe that hangs (a blackholed peer) counts as failed after PROBE_TIMEOUT_MS.
import { AppError } from './errors.js'
import type { HealthCheck, HealthReport } from './role.js'

/** How long a probe's result is reused */
export const PROBE_TTL_MS = 2000
/** A probe that has not answered by then has failed */
export const PROBE_TIMEOUT_MS = 2000

/** One probe: resolves when the peer or engine answered, rejects with why not. */
export type Probe = () => Promise<unknown>

/** The answer of GET /health/live: the process serves (it answered). */
export const LIVE: HealthReport = { status: 'ok', checks: {} }

/** A report whose status follows its checks */
export function report(checks: Record<string, HealthCheck>): HealthReport {
  return { status: Object.values(checks).every((c) => c.ok) ? 'ok' : 'unavailable', checks }
}

/**
 * Readiness from named probes: each runs at most once per `ttlMs` (its last result is reused in between, and
 * callers during a probe wait for that one), and fails after `timeoutMs`.
 */
export function readiness(
  probes: Record<string, Probe>,
  opts: { ttlMs?: number; timeoutMs?: number } = {},
): () => Promise<HealthReport> {
  const ttlMs = opts.ttlMs ?? PROBE_TTL_MS
  const timeoutMs = opts.timeoutMs ?? PROBE_TIMEOUT_MS
  const cached = new Map<string, { at: number; result: Promise<HealthCheck> }>()
  const check = (name: string, probe: Probe): Promise<HealthCheck> => {
    const hit = cached.get(name)
    if (hit && (hit.at === Number.POSITIVE_INFINITY || Date.now() - hit.at < ttlMs)) return hit.result
    const result = settle(probe, timeoutMs)
    // reused while it runs; the period starts when the answer came
    cached.set(name, { at: Number.POSITIVE_INFINITY, result })
    void result.then(() => cached.set(name, { at: Date.now(), result }))
    return result
  }
  return async () => {
    const names = Object.keys(probes)
    const results = await Promise.all(names.map((n) => check(n, probes[n]!)))
    return report(Object.fromEntries(names.map((n, i) => [n, results[i]!])))
  }
}

async function settle(probe: Probe, timeoutMs: number): Promise<HealthCheck> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
    timer.unref()
  })
  try {
    await Promise.race([probe(), timeout])
    return { ok: true }
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * A probe of a role reached over gRPC (or in process): any answer of the role itself, an error included (the
 * probe sends a request it refuses), means it is reachable; only `unavailable` and `internal` (what a transport
 * failure becomes) mean it is not.
 */
export function peerProbe(call: () => Promise<unknown>): Probe {
  return async () => {
    try {
      await call()
    } catch (err) {
      if (err instanceof AppError && err.code !== 'unavailable' && err.code !== 'internal') return
      throw err
    }
  }
}

/** A check that needs no probe: a state this process knows (accepting, its consumers running) */
export function stateProbe(ok: () => boolean, why: string | (() => string)): Probe {
  return async () => {
    if (!ok()) throw new Error(typeof why === 'string' ? why : why())
  }
}

/** The health paths every role serves: /health/live, and /health/ready with /health as its alias */
export function healthPath(path: string): 'live' | 'ready' | undefined {
  if (path === '/health/live') return 'live'
  if (path === '/health' || path === '/health/ready') return 'ready'
  return undefined
}

/** The status code and body of a health path; a readiness that throws is reported unavailable, never a 500 */
export async function healthAnswer(
  kind: 'live' | 'ready',
  ready: () => Promise<HealthReport>,
): Promise<{ status: number; body: HealthReport }> {
  if (kind === 'live') return { status: 200, body: LIVE }
  const body = await ready().catch(
    (err: unknown): HealthReport =>
      report({ readiness: { ok: false, error: err instanceof Error ? err.message : String(err) } }),
  )
  return { status: body.status === 'ok' ? 200 : 503, body }
}
