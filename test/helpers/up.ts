// Starts `gochat up` (embedded drivers) as a child process on free ports and returns its URL. In memory
// (--ephemeral) unless the arguments name a --data-dir.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../bin/run.js', import.meta.url))

export async function startUp(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess; output: () => string; stop: () => Promise<number | null> }> {
  if (!extraArgs.some((a) => a.startsWith('--data-dir'))) extraArgs = ['--ephemeral', ...extraArgs]
  const child = spawn(process.execPath, [BIN, 'up', '--port', '0', '--metrics-port', '0', ...extraArgs], { env: { ...process.env, GOCHAT_LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gochat up did not start within 30 s:\n${out}`)), 30_000)
    const check = () => {
      const m = /gochat is up at (http:\/\/[\d.:]+)/.exec(out)
      if (m) { clearTimeout(timer); resolve(m[1]!) }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`gochat up exited with ${code}:\n${out}`)) })
  })
  const stop = () => new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.once('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })
  return { url, child, output: () => out, stop }
}
