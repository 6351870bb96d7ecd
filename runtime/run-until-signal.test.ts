import { spawn } from 'node:child_process'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const here = new URL('.', import.meta.url).pathname

describe('runUntilSignal', () => {
  it('a role that stopped cleanly but still holds a handle exits within seconds, naming the handle', async () => {
    // a process whose stop() resolves while a timer stays open (as a kafkajs client torn mid-reconnect did)
    const script = join(mkdtempSync(join(tmpdir(), 'gochat-linger-')), 'linger.ts')
    writeFileSync(
      script,
      `import { runUntilSignal } from '${here}run-until-signal.js'
import { createLogger } from '${here}../src/observability/log.js'
setInterval(() => undefined, 1000)
const system = { roles: [], monitorPorts: {}, grpcAddrs: {}, stop: async () => undefined }
void runUntilSignal(system, createLogger({ test: 'linger' }))
console.log('ready')
`,
    )
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GOCHAT_LOG_LEVEL: 'info' },
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    await new Promise<void>((resolve) => child.stdout.on('data', () => out.includes('ready') && resolve()))
    const sent = Date.now()
    child.kill('SIGTERM')
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    const tookMs = Date.now() - sent
    expect(code).toBe(0)
    expect(tookMs).toBeLessThan(10_000) // not the 15 s of a drain that never ends
    expect(out).toContain('stopped cleanly')
    const warn = out.split('\n').find((l) => l.includes('handles are still open'))
    expect(warn, out).toBeDefined()
    expect(JSON.parse(warn!).resources).toContain('Timeout')
  }, 30_000)
})
