// `gochat cluster up` on real infrastructure: prints the gateway URLs as JSON once every process is healthy,
// serves on them (127.0.0.1 only unless --host), and stops every process on SIGTERM.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createConnection } from 'node:net'
import { networkInterfaces } from 'node:os'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { deleteTopicsWithPrefix, dropDatabase } from '../helpers/cleanup.js'
import { infraAvailable, KAFKA, MYSQL, REDIS } from '../helpers/infra.js'

/** an address of this machine other than loopback, if it has one */
const external = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address

/** whether a TCP connection to host:port is accepted */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ host, port })
    s.once('connect', () => {
      s.destroy()
      resolve(true)
    })
    s.once('error', () => resolve(false))
  })
}

const BIN = fileURLToPath(new URL('../../bin/run.js', import.meta.url))
const available = await infraAvailable('kafka', 'mysql', 'redis')

describe.skipIf(!available)('gochat cluster up', () => {
  const run = `clup${Date.now().toString(36)}`
  afterAll(async () => {
    await dropDatabase(`${MYSQL}/gochat_${run}`)
    await deleteTopicsWithPrefix(run)
    rmSync(`.gochat/cluster-${run}`, { recursive: true, force: true })
  }, 60_000)

  it('prints the gateway URLs, serves, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        BIN,
        'cluster',
        'up',
        '--gateways',
        '2',
        '--tasks',
        '1',
        '--json',
        '--kafka',
        KAFKA,
        '--mysql',
        `${MYSQL}/gochat_${run}`,
        '--redis',
        REDIS,
        '--topic-prefix',
        run,
        '--log-dir',
        `.gochat/cluster-${run}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    try {
      const line = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no JSON line within 120 s:\n${stderr}`)), 120_000)
        child.stdout.on('data', (d) => {
          stdout += d
          const nl = stdout.indexOf('\n')
          if (nl >= 0) {
            clearTimeout(timer)
            resolve(stdout.slice(0, nl))
          }
        })
        void exited.then((code) => reject(new Error(`cluster up exited with ${code}:\n${stderr}`)))
      })
      const result = JSON.parse(line) as {
        gateways: Array<{ id: string; url: string }>
        processes: Array<{ name: string; pid: number }>
      }
      expect(result.gateways.map((g) => g.id)).toEqual(['gw-1', 'gw-2'])
      expect(result.processes.map((p) => p.name).sort()).toEqual(['gw-1', 'gw-2', 'logic', 'repo', 'task-1'])
      for (const g of result.gateways) {
        expect((await fetch(`${g.url}/health`)).status).toBe(200)
        // issue 23: bound to 127.0.0.1 only, as the URL says; any other address of this host is refused
        expect(g.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
        const port = Number(new URL(g.url).port)
        for (const other of ['127.0.0.2', ...(external ? [external] : [])])
          expect(await connects(other, port), `${other}:${port}`).toBe(false)
        expect(await connects('127.0.0.1', port)).toBe(true)
        const ready = await fetch(`${g.url}/health/ready`)
        expect(ready.status).toBe(200)
        expect(await ready.json()).toEqual({
          status: 'ok',
          checks: { accepting: { ok: true }, logic: { ok: true }, cache: { ok: true }, bus: { ok: true } },
        })
        expect((await fetch(`${g.url}/health/live`)).status).toBe(200)
      }
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited, stderr).toBe(0)
  }, 180_000)
})
