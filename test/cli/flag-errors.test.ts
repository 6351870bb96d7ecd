// Configuration errors from flags name the flag the user typed (--port, --mysql), not the config key's own
// flag name (--gateway-port, --mysql-url); the real binary, no infrastructure needed.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GOCHAT_')))

function gochat(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/run.js', ...args], { cwd: root, env, timeout: 30_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }))
  })
}

describe('errors name the flag that was typed', () => {
  it.each([
    [['up', '--port', '99999'], 'from flag --port:', '--gateway-port'],
    [['up', '--port=99999'], 'from flag --port:', '--gateway-port'],
    [['db', 'migrate', '--mysql', 'notaurl'], 'from flag --mysql:', '--mysql-url'],
    [['topics', 'list', '--kafka', 'localhost'], 'from flag --kafka:', '--kafka-brokers'],
  ])('gochat %j', async (args, named, notNamed) => {
    const r = await gochat(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^Error: invalid /)
    expect(r.stderr).toContain(named)
    expect(r.stderr).not.toContain(notNamed)
  })
})
