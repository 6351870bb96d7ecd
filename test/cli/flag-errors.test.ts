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
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    )
  })
}

describe('an unknown command', () => {
  it('suggests the nearest commands, exit 2', async () => {
    const r = await gochat(['topic', 'list'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('Error: "gochat topic list" is not a command\nHint: did you mean `gochat topics list`?\n')
    const j = await gochat(['groups', 'lst', '--json'])
    expect(j.code).toBe(2)
    expect(JSON.parse(j.stdout)).toEqual({
      error: {
        code: 'usage',
        message: '"gochat groups lst" is not a command',
        hint: 'did you mean `gochat groups list`?',
      },
    })
    const none = await gochat(['frobnicate'])
    expect(none.stderr).toContain('see `gochat --help`')
  })
})

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
