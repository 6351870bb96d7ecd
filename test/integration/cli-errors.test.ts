// How the real CLI (bin/run.js) fails: under --json one JSON error object on stdout with a documented code and
// exit code (2 bad input or not found, 3 unreachable); commands that need Kafka refuse when none is configured
// instead of reading an in-process bus. Runs against the real broker for the not-found cases.
import { execFile } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { infraAvailable, KAFKA } from '../helpers/infra.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const up = await infraAvailable('kafka')
const prefix = `clierr${Date.now().toString(36)}`

// no GOCHAT_* from the caller's environment and no context of the caller's (an empty config dir): each case
// says what it configures
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GOCHAT_'))),
  GOCHAT_CONFIG_DIR: join(tmpdir(), `gochat-no-contexts-${process.pid}`),
}

interface Run {
  code: number
  stdout: string
  stderr: string
  ms: number
}

function gochat(args: string[], timeout = 30_000): Promise<Run> {
  const started = Date.now()
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/run.js', ...args],
      { cwd: root, env: { ...env, GOCHAT_LOG_LEVEL: 'warn' }, timeout },
      (err, stdout, stderr) => {
        resolve({
          code: err ? (typeof err.code === 'number' ? err.code : -1) : 0,
          stdout,
          stderr,
          ms: Date.now() - started,
        })
      },
    )
  })
}

/** the one JSON error object of a --json run, checked for shape */
function jsonError(r: Run): { code: string; message: string; hint: string | null } {
  const lines = r.stdout.trim().split('\n')
  expect(lines, r.stdout + r.stderr).toHaveLength(1)
  const { error } = JSON.parse(lines[0]!) as { error: { code: string; message: string; hint: string | null } }
  expect(error).toEqual({
    code: expect.any(String),
    message: expect.any(String),
    hint: expect.toSatisfy((h: unknown) => h === null || typeof h === 'string'),
  })
  return error
}

describe('--json errors', () => {
  it('an unreachable broker: code unreachable, exit 3, a hint naming infra', async () => {
    const r = await gochat(['groups', 'list', '--kafka', '127.0.0.1:1', '--json'])
    expect(r.code).toBe(3)
    const e = jsonError(r)
    expect(e.code).toBe('unreachable')
    expect(e.message).toContain('127.0.0.1:1')
    expect(e.hint).toContain('gochat infra')
  })

  it.skipIf(!up)('a missing topic or group: code not_found, exit 2', async () => {
    const topic = await gochat(['topics', 'describe', `${prefix}.missing`, '--kafka', KAFKA, '--json'])
    expect(topic.code).toBe(2)
    expect(jsonError(topic)).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining(`${prefix}.missing`),
      hint: expect.stringContaining('topics list'),
    })

    const group = await gochat(['groups', 'describe', `${prefix}.missing`, '--kafka', KAFKA, '--json'])
    expect(group.code).toBe(2)
    expect(jsonError(group)).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining(`${prefix}.missing`),
      hint: expect.stringContaining('groups list'),
    })
  })

  it('bad input found by the parser or the config: code usage, exit 2', async () => {
    const missingArg = await gochat(['groups', 'describe', '--json'])
    expect(missingArg.code).toBe(2)
    expect(jsonError(missingArg)).toMatchObject({ code: 'usage', message: expect.stringContaining('group') })

    const badBroker = await gochat(['topics', 'list', '--kafka', 'localhost', '--json'])
    expect(badBroker.code).toBe(2)
    expect(jsonError(badBroker)).toMatchObject({ code: 'usage', message: expect.stringContaining('localhost') })
  })

  it('without --json the same error is text on stderr with its hint, stdout empty', async () => {
    const r = await gochat(['groups', 'list', '--kafka', '127.0.0.1:1'])
    expect(r.code).toBe(3)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^Error: Kafka at 127\.0\.0\.1:1 .*\nHint: .*gochat infra/)
  })
})

describe('commands that need Kafka refuse without it', () => {
  for (const args of [
    ['tail', 'user-events'],
    ['dlq', 'list'],
    ['dlq', 'replay', '--all', '--dry-run'],
  ]) {
    it(`gochat ${args.join(' ')}`, async () => {
      const r = await gochat(args)
      expect(r.code, r.stderr).toBe(2)
      expect(r.stderr).toContain('needs Kafka')
      expect(r.stderr).toContain('--kafka')
      const j = await gochat([...args, '--json'])
      expect(j.code).toBe(2)
      expect(jsonError(j)).toMatchObject({ code: 'usage', hint: expect.stringContaining('--kafka') })
    })
  }

  it.skipIf(!up)('dlq list on a broker without the dlq topic says so', async () => {
    const r = await gochat(['dlq', 'list', '--kafka', KAFKA, '--topic-prefix', prefix, '--json'])
    expect(r.code).toBe(2)
    expect(jsonError(r)).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining(`${prefix}.tasks.dlq`),
      hint: expect.stringContaining('topics create'),
    })
  })
})
