// Readiness from outside: GET /health/ready of each gateway and each monitor port (logic, repo, task), as a
// load balancer would ask it. 503 names the peers or engines that do not answer.
import type { HealthReport } from '../../src/core/role.js'
import { fetchFailure } from '../../bench/reachable.js'
import { type Check, fail, ok } from './check.js'

const TIMEOUT_MS = 3000

export async function readinessCheck(url: string, what: string): Promise<Check> {
  const target = url
  let res: Response
  try {
    res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(TIMEOUT_MS) })
  } catch (err) {
    return fail(
      'readiness',
      target,
      `${what} did not answer /health/ready (${fetchFailure(err, url, TIMEOUT_MS)})`,
      `start it, or check the URL (${what === 'gateway' ? '--gateway' : '--monitor'}); \`gochat serve\` logs why it stopped`,
    )
  }
  let body: HealthReport | undefined
  try {
    body = (await res.json()) as HealthReport
  } catch {
    body = undefined
  }
  if (res.status === 200 && body?.status === 'ok')
    return ok('readiness', target, `${what} ready (${Object.keys(body.checks).length} checks)`)
  const failing = Object.entries(body?.checks ?? {})
    .filter(([, c]) => !c.ok)
    .map(([name, c]) => `${name}: ${'error' in c ? c.error : 'failed'}`)
  return fail(
    'readiness',
    target,
    failing.length ? `${what} not ready: ${failing.join('; ')}` : `${what} answered ${res.status}`,
    body
      ? 'start or repair what it names (`gochat infra status` for Kafka, MySQL, Redis); the role becomes ready by itself'
      : 'this URL is not a gochat gateway or health port: check it',
  )
}
