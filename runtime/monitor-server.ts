// /health/live, /health/ready (/health) and /metrics for roles without an HTTP edge of their own (logic, repo, task: port 9093 as in the seeds).
import { createServer, type Server } from 'node:http'
import { register } from 'prom-client'
import type { HealthReport } from '../src/core/role.js'
import { healthAnswer, healthPath, report } from '../src/core/health.js'
import { UsageError } from '../src/core/operator-errors.js'

export async function startMonitorServer(
  port: number,
  health: () => Promise<HealthReport>,
  host = '127.0.0.1',
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('cache-control', 'no-store')
    const path = (req.url ?? '/').split('?')[0]
    const kind = healthPath(path ?? '')
    if (kind) {
      void healthAnswer(kind, health).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      })
    } else if (path === '/metrics') {
      register.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': register.contentType })
          res.end(text)
        },
        () => {
          res.writeHead(500).end()
        },
      )
    } else {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { code: 'not_found', message: 'try /health/live, /health/ready or /metrics' } }))
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      // taken between the check before start (bindings.ts) and now: still the operator's to fix, not a bug
      reject(err.code === 'EADDRINUSE' ? new UsageError(`port ${port} is in use (health/metrics)`) : err),
    )
    server.listen(port, host, () => resolve())
  })
  const addr = server.address()
  return { server, port: typeof addr === 'object' && addr ? addr.port : port }
}

/** One report of the roles of a process (`<role>.<check>` when several): ok only when every role is. */
export async function combinedHealth(
  parts: Array<{ name: string; health: () => Promise<HealthReport> }>,
): Promise<HealthReport> {
  const reports = await Promise.all(parts.map(async (p) => [p.name, await p.health()] as const))
  const checks: HealthReport['checks'] = {}
  for (const [name, r] of reports)
    for (const [k, v] of Object.entries(r.checks)) checks[parts.length > 1 ? `${name}.${k}` : k] = v
  return report(checks)
}
