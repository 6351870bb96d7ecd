// The CLI's map: `gochat --help` lists every command with its one-line summary, and every command has help.
import { describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { Config } from '@oclif/core'

const run = promisify(execFile)
const root = new URL('../..', import.meta.url).pathname

describe('gochat --help', () => {
  it('lists every command with a one-line summary', async () => {
    const config = await Config.load(root)
    const ids = config.commands.map((c) => c.id.replace(/:/g, ' ')).filter((id) => id !== 'help')
    expect(ids).toEqual(
      expect.arrayContaining([
        'up',
        'serve',
        'tail',
        'topics create',
        'groups describe',
        'infra up',
        'bench fanout',
        'dlq list',
        'db migrate',
      ]),
    )
    const { stdout } = await run(process.execPath, ['bin/run.js', '--help'], { cwd: root })
    for (const c of config.commands.filter((c) => c.id !== 'help')) {
      expect(c.summary, `${c.id} has no summary`).toBeTruthy()
      expect(c.summary!.length).toBeLessThan(120)
      expect(stdout).toContain(c.id.replace(/:/g, ' '))
    }
  })

  it('gives every command its own --help', async () => {
    const config = await Config.load(root)
    for (const c of config.commands.filter((c) => c.id !== 'help')) {
      const cmd = await c.load()
      expect(cmd.summary ?? cmd.description, c.id).toBeTruthy()
    }
    const { stdout } = await run(process.execPath, ['bin/run.js', 'topics', 'create', '--help'], { cwd: root })
    expect(stdout).toMatch(/USAGE[\s\S]*--dry-run[\s\S]*EXAMPLES/)
  })

  it('fails bad configuration with exit code 2 naming the key and the expected form', async () => {
    const err = await run(process.execPath, ['bin/run.js', 'topics', 'list', '--kafka', 'nonsense'], {
      cwd: root,
    }).catch((e) => e)
    expect(err.code).toBe(2)
    expect(err.stderr).toMatch(/kafka_brokers[\s\S]*host:port/)
  })
})
