// Starts `gochat up` (embedded drivers) as a child process on free ports and returns its URL. In memory
// (--ephemeral) unless the arguments name a --data-dir. It signs tokens with TEST_JWT_SECRET, and TEST_ADMIN_SECRET
// for the admin path, unless `env` gives others (an `undefined` removes the variable).
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { TEST_JWT_SECRET } from './secret.js'

const BIN = fileURLToPath(new URL('../../bin/run.js', import.meta.url))

/** The admin secret of the systems tests start (gochat up, clusters), so that benches and helpers can use the admin path */
export const TEST_ADMIN_SECRET = 'gochat-test-admin-secret'

/** Limits raised for benches that drive one user or one address hard (bench http's login and history scenarios) */
export const BENCH_LIMITS = {
  GOCHAT_AUTH_RATE_PER_IP: '100000',
  GOCHAT_AUTH_BURST_PER_IP: '100000',
  GOCHAT_REST_RATE_PER_USER: '100000',
}

export async function startUp(
  extraArgs: string[] = [],
  env: Record<string, string | undefined> = {},
  /** fdLimit: the child's descriptor limit (ulimit -n), as on a host that keeps the default 1,024 */
  opts: { fdLimit?: number } = {},
): Promise<{
  url: string
  adminSecret: string
  child: ChildProcess
  output: () => string
  stop: () => Promise<number | null>
}> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    GOCHAT_LOG_LEVEL: 'info',
    GOCHAT_JWT_SECRET: TEST_JWT_SECRET,
    GOCHAT_ADMIN_SECRET: TEST_ADMIN_SECRET,
    ...env,
  }
  // an `undefined` in env removes the variable
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k]
  if (!extraArgs.some((a) => a.startsWith('--data-dir'))) extraArgs = ['--ephemeral', ...extraArgs]
  // a free port unless the test names one (a restart on the same port)
  const port = extraArgs.includes('--port') ? [] : ['--port', '0']
  const args = [BIN, 'up', ...port, '--metrics-port', '0', ...extraArgs]
  const child = opts.fdLimit
    ? spawn('sh', ['-c', `ulimit -n ${opts.fdLimit} && exec "$0" "$@"`, process.execPath, ...args], {
        env: childEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(process.execPath, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gochat up did not start within 30 s:\n${out}`)), 30_000)
    const check = () => {
      const m = /gochat is up at (http:\/\/[\d.:]+)/.exec(out)
      // the last line of the banner: the ones before it (an admin secret of the run) are in by then
      if (m && out.includes('Ctrl-C stops it')) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`gochat up exited with ${code}:\n${out}`))
    })
  })
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode)
      child.once('exit', (code) => resolve(code))
      child.kill('SIGTERM')
    })
  // a secret up made for this run (GOCHAT_ADMIN_SECRET empty) is printed; a given one is not
  const adminSecret = /GOCHAT_ADMIN_SECRET=(\S+)/.exec(out)?.[1] ?? env.GOCHAT_ADMIN_SECRET ?? TEST_ADMIN_SECRET
  return { url, adminSecret, child, output: () => out, stop }
}
