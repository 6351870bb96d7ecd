// `gochat topics create NAME` (one topic outside the catalog, if-not-exists, with configs) and `gochat produce`
// (from --value or stdin lines, with key, headers, partition) through the real CLI, read back by `gochat tail`.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { deleteTopicsWithPrefix } from '../helpers/cleanup.js'
import { infraAvailable, KAFKA } from '../helpers/infra.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const up = await infraAvailable('kafka')
const prefix = `prod${Date.now().toString(36)}`
const topic = `${prefix}.scratch`
const env = { ...process.env, GOCHAT_LOG_LEVEL: 'warn' }

function gochat(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['bin/run.js', ...args, '--kafka', KAFKA],
      { cwd: root, env, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    )
    child.stdin!.end(input ?? '')
  })
}
async function json<T>(args: string[], input?: string): Promise<T> {
  const r = await gochat([...args, '--json'], input)
  expect(r.code, r.stderr + r.stdout).toBe(0)
  return JSON.parse(r.stdout) as T
}

describe.skipIf(!up)('gochat topics create NAME and gochat produce', () => {
  afterAll(() => deleteTopicsWithPrefix(prefix), 60_000)

  it('creates one topic with its configs, once', async () => {
    const first = await json<{ created: string[] }>([
      'topics',
      'create',
      topic,
      '--partitions',
      '2',
      '--topic-config',
      'retention.ms=3600000',
      '--topic-config',
      'cleanup.policy=delete',
    ])
    expect(first.created).toEqual([topic])
    const again = await json<{ created: string[]; existing: string[] }>([
      'topics',
      'create',
      topic,
      '--partitions',
      '2',
    ])
    expect([again.created, again.existing]).toEqual([[], [topic]])
    const d = await json<{ partitions: unknown[]; configs: Record<string, string> }>(['topics', 'describe', topic])
    expect(d.partitions).toHaveLength(2)
    expect(d.configs['retention.ms']).toBe('3600000')
    const bad = await gochat(['topics', 'create', topic, '--topic-config', 'nonsense'])
    expect(bad.code).toBe(2)
  })

  it('produces from --value and from stdin; tail reads them back with key and headers', async () => {
    const one = await json<{ produced: number; partitions: Array<{ partition: number }> }>([
      'produce',
      topic,
      '--key',
      'k1',
      '--header',
      'origin=test',
      '--partition',
      '1',
      '--value',
      '{"n":1}',
    ])
    expect(one).toMatchObject({ produced: 1, partitions: [{ partition: 1 }] })
    const lines = await json<{ produced: number }>(['produce', topic, '--partition', '0', '--key', 'k2'], 'a\nb\nc\n')
    expect(lines.produced).toBe(3)

    const tail = await gochat(['tail', topic, '--from-beginning', '--count', '4', '--json'])
    expect(tail.code, tail.stderr).toBe(0)
    const records = tail.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { partition: number; key: string; headers: Record<string, string>; value: unknown })
    expect(records.filter((r) => r.partition === 1)).toEqual([
      expect.objectContaining({ key: 'k1', headers: { origin: 'test' }, value: { n: 1 } }),
    ])
    expect(records.filter((r) => r.partition === 0).map((r) => r.value)).toEqual(['a', 'b', 'c'])

    const missing = await gochat(['produce', `${prefix}.nope`, '--value', 'x'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(`no topic "${prefix}.nope"`)
  })
})
