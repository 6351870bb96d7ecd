// `gochat topics …` and `gochat groups …` against a real Kafka, through the real CLI (bin/run.js), checked
// with an independent client (kcat). Every run uses its own topic prefix (and so its own group ids), so runs
// and colleagues sharing the broker never collide; everything created is deleted at the end.
import { execFile, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import kafkajs from 'kafkajs'
import { afterAll, describe, expect, it } from 'vitest'
import { catalog, catalogGroups } from '../../src/contracts/topics.js'
import { infraAvailable, KAFKA } from '../helpers/infra.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const up = await infraAvailable('kafka')
const hasKcat = spawnSync('kcat', ['-V']).status === 0
const required = process.env.GOCHAT_REQUIRE_INFRA === '1'

const prefix = `itest${Date.now()}`
const cfg = { topic_prefix: prefix, partitions: 2, replication_factor: 1, gateway_ids: ['gw-a', 'gw-b'] }
const names = catalog(cfg).map((t) => t.name)
const groupIds = catalogGroups(cfg).map((g) => g.groupId)
// gateway ids through the environment: the same path a deployment uses (there is no flag for them)
const env = { ...process.env, GOCHAT_GATEWAY_IDS: cfg.gateway_ids.join(','), GOCHAT_LOG_LEVEL: 'warn' }
const common = ['--kafka', KAFKA, '--topic-prefix', prefix]

interface Run {
  code: number
  stdout: string
  stderr: string
  ms: number
}

function gochat(args: string[], withCommon = true): Promise<Run> {
  const started = Date.now()
  return new Promise((resolve) => {
    // stdin is a pipe here, never a TTY: what `topics delete` without --force must refuse
    execFile(
      process.execPath,
      ['bin/run.js', ...args, ...(withCommon ? common : [])],
      { cwd: root, env, timeout: 30_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0
        resolve({ code, stdout, stderr, ms: Date.now() - started })
      },
    )
  })
}

async function json<T>(args: string[]): Promise<T> {
  const r = await gochat([...args, '--json'])
  expect(r.code, `gochat ${args.join(' ')} failed: ${r.stderr}`).toBe(0)
  return JSON.parse(r.stdout) as T
}

function kcatMetadata(): Map<string, number> {
  const r = spawnSync('kcat', ['-L', '-b', KAFKA, '-J'], { encoding: 'utf8', timeout: 15_000 })
  expect(r.status, r.stderr).toBe(0)
  const md = JSON.parse(r.stdout) as { topics: Array<{ topic: string; partitions: unknown[] }> }
  return new Map(md.topics.filter((t) => t.topic.startsWith(`${prefix}.`)).map((t) => [t.topic, t.partitions.length]))
}

// Each step runs the CLI several times, and each run boots node and its TypeScript loader: seconds apiece on a loaded
// machine. The timeout only catches a hang.
describe.skipIf(!up)('gochat topics / groups against Kafka', { timeout: 300_000 }, () => {
  afterAll(async () => {
    // safety net for a failed run: whatever is left of this prefix goes, topics and groups
    const admin = new kafkajs.Kafka({
      clientId: 'itest-cleanup',
      brokers: [KAFKA],
      logLevel: kafkajs.logLevel.NOTHING,
    }).admin()
    await admin.connect()
    try {
      const left = (await admin.listTopics()).filter((t) => t.startsWith(`${prefix}.`))
      if (left.length) await admin.deleteTopics({ topics: left })
      await admin.deleteGroups(groupIds).catch(() => {})
    } finally {
      await admin.disconnect()
    }
  })

  it('creates every catalog topic once: dry run first, then for real, then nothing to do', async () => {
    const dry = await json<{ dryRun: boolean; created: string[]; groupsProvisioned: unknown[] }>([
      'topics',
      'create',
      '--dry-run',
      '--with-groups',
      '--partitions',
      '2',
    ])
    expect(dry.dryRun).toBe(true)
    expect(dry.created.sort()).toEqual([...names].sort())
    expect(dry.groupsProvisioned).toHaveLength(groupIds.length)

    // the dry run created nothing, or these would not all be "created" now
    const first = await json<{
      created: string[]
      existing: string[]
      mismatched: unknown[]
      groupsProvisioned: Array<{ groupId: string }>
    }>(['topics', 'create', '--with-groups', '--partitions', '2'])
    expect(first.created.sort()).toEqual([...names].sort())
    expect(names).toContain(`${prefix}.messages.downstream.gw-a`)
    expect(names).toContain(`${prefix}.messages.downstream.gw-b`)
    expect(first.existing).toEqual([])
    expect(first.groupsProvisioned.map((g) => g.groupId).sort()).toEqual([...groupIds].sort())

    const second = await gochat(['topics', 'create', '--with-groups', '--partitions', '2'])
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).toContain('nothing to do')
  })

  it.skipIf(!hasKcat && !required)('is seen the same way by kcat: every topic with its partition count', () => {
    const seen = kcatMetadata()
    expect([...seen.keys()].sort()).toEqual([...names].sort())
    for (const n of names) expect(seen.get(n), n).toBe(2)
  })

  it('lists and describes topics', async () => {
    const list = await json<{
      topics: Array<{ name: string; partitions: number; inCatalog: boolean }>
      missing: string[]
    }>(['topics', 'list'])
    expect(list.missing).toEqual([])
    const mine = list.topics.filter((t) => t.name.startsWith(`${prefix}.`))
    expect(mine.map((t) => t.name).sort()).toEqual([...names].sort())
    for (const t of mine) expect([t.partitions, t.inCatalog]).toEqual([2, true])

    const d = await json<{
      name: string
      configs: Record<string, string>
      overrides: string[]
      catalog: { alias: string } | null
      partitions: Array<{
        partition: number
        leader: number
        replicas: number[]
        isr: number[]
        earliest: string
        latest: string
      }>
    }>(['topics', 'describe', 'dispatch'])
    expect(d.name).toBe(`${prefix}.messages.dispatch`)
    expect(d.catalog?.alias).toBe('dispatch')
    expect(d.partitions.map((p) => p.partition)).toEqual([0, 1])
    for (const p of d.partitions) {
      expect(p.leader).toBeGreaterThanOrEqual(0)
      expect(p.replicas).toHaveLength(1)
      expect(p.isr).toEqual(p.replicas)
      expect([p.earliest, p.latest]).toEqual(['0', '0'])
    }
    const spec = catalog(cfg).find((t) => t.id === 'dispatch')!
    expect(d.configs['retention.ms']).toBe(spec.configs['retention.ms'])
    expect(d.configs['cleanup.policy']).toBe('delete')
    expect(d.overrides).toEqual(expect.arrayContaining(['retention.ms', 'cleanup.policy']))
  })

  it('provisions groups with committed offsets (lag 0), shows lag, and plans a reset without applying it', async () => {
    type Group = {
      groupId: string
      state: string
      totalLag: number
      partitions: Array<{ topic: string; committed: string | null; logEndOffset: string; lag: number | null }>
    }
    const before = await json<Group>(['groups', 'describe', 'task.fanout.group'])
    expect(before.groupId).toBe(`${prefix}.task.fanout.group`)
    expect(before.state).toBe('Empty')
    expect(before.partitions).toHaveLength(2)
    for (const p of before.partitions) expect([p.topic, p.committed, p.lag]).toEqual([`${prefix}.tasks.fanout`, '0', 0])

    // five records from an independent producer: the group now lags by five
    const fanout = `${prefix}.tasks.fanout`
    if (hasKcat) {
      const produced = spawnSync('kcat', ['-P', '-b', KAFKA, '-t', fanout, '-K', ':'], {
        input: 'a:1\nb:2\nc:3\nd:4\ne:5\n',
        encoding: 'utf8',
        timeout: 15_000,
      })
      expect(produced.status, produced.stderr).toBe(0)
    } else {
      const producer = new kafkajs.Kafka({
        clientId: 'itest',
        brokers: [KAFKA],
        logLevel: kafkajs.logLevel.NOTHING,
      }).producer()
      await producer.connect()
      await producer.send({ topic: fanout, messages: ['a', 'b', 'c', 'd', 'e'].map((k) => ({ key: k, value: k })) })
      await producer.disconnect()
    }
    const lagging = await json<Group>(['groups', 'describe', 'task.fanout.group'])
    expect(lagging.totalLag).toBe(5)

    const plan = await json<{
      dryRun: boolean
      applied: boolean
      partitions: Array<{ current: string | null; target: string }>
    }>(['groups', 'reset', 'task.fanout.group', '--topic', 'fanout', '--to-latest', '--dry-run'])
    expect([plan.dryRun, plan.applied]).toEqual([true, false])
    expect(plan.partitions.map((p) => p.current)).toEqual(['0', '0'])
    expect(plan.partitions.reduce((s, p) => s + Number(p.target), 0)).toBe(5)
    expect((await json<Group>(['groups', 'describe', 'task.fanout.group'])).totalLag).toBe(5) // the dry run moved nothing

    // without --execute it is a plan too
    const planned = await json<{ applied: boolean }>([
      'groups',
      'reset',
      'task.fanout.group',
      '--topic',
      'fanout',
      '--to-latest',
    ])
    expect(planned.applied).toBe(false)
    expect((await json<Group>(['groups', 'describe', 'task.fanout.group'])).totalLag).toBe(5)

    const applied = await json<{ applied: boolean }>([
      'groups',
      'reset',
      'task.fanout.group',
      '--topic',
      'fanout',
      '--to-latest',
      '--execute',
    ])
    expect(applied.applied).toBe(true)
    expect((await json<Group>(['groups', 'describe', 'task.fanout.group'])).totalLag).toBe(0)
  })

  // three steps on one group, in order (each CLI run boots node: one test per step keeps each within its timeout
  // on a loaded machine)
  type Plan = {
    applied: boolean
    groupExists: boolean
    partitions: Array<{ topic: string; partition: number; current: string | null; target: string }>
  }
  type Group = {
    totalLag: number
    partitions: Array<{ partition: number; committed: string | null; logEndOffset: string }>
  }
  const reset = (...args: string[]) => json<Plan>(['groups', 'reset', 'task.fanout.group', ...args])

  it('resets by offset on chosen partitions, by shift and by duration', async () => {
    const ends = (await json<Group>(['groups', 'describe', 'task.fanout.group'])).partitions.map((p) =>
      Number(p.logEndOffset),
    )

    // --to-offset on partition 0 only, clamped to the log end
    const one = await reset('--topic', 'fanout', '--partitions', '0', '--to-offset', '1', '--execute')
    expect(one.partitions.map((p) => [p.partition, p.target])).toEqual([[0, String(Math.min(1, ends[0]!))]])
    const after = await json<Group>(['groups', 'describe', 'task.fanout.group'])
    expect(after.partitions.map((p) => p.committed)).toEqual([String(Math.min(1, ends[0]!)), String(ends[1])])

    // --shift-by back from the committed offsets, never below the start
    const shifted = await reset('--topic', 'fanout', '--shift-by', '-2')
    expect(shifted.partitions.map((p) => p.target)).toEqual(
      shifted.partitions.map((p) => String(Math.max(0, Number(p.current) - 2))),
    )
    // every record is younger than an hour: --by-duration 1h is the start of each partition
    expect((await reset('--topic', 'fanout', '--by-duration', '1h')).partitions.map((p) => p.target)).toEqual([
      '0',
      '0',
    ])
    expect((await reset('--topic', 'fanout', '--by-duration', 'PT1H')).partitions.map((p) => p.target)).toEqual([
      '0',
      '0',
    ])
  })

  it('resets every topic the group committed on; refuses an unknown group unless --create', async () => {
    // --all-topics: the topics the group committed on
    const all = await reset('--all-topics', '--to-latest', '--execute')
    expect([...new Set(all.partitions.map((p) => p.topic))]).toEqual([`${prefix}.tasks.fanout`])
    expect((await json<Group>(['groups', 'describe', 'task.fanout.group'])).totalLag).toBe(0)

    const typo = await gochat([
      'groups',
      'reset',
      `${prefix}.task.fanout.grop`,
      '--topic',
      'fanout',
      '--to-earliest',
      '--execute',
      '--json',
    ])
    expect(typo.code).toBe(2)
    expect(JSON.parse(typo.stdout).error).toMatchObject({
      code: 'not_found',
      hint: expect.stringContaining('--create'),
    })
    const created = await json<Plan>([
      'groups',
      'reset',
      `${prefix}.task.fanout.grop`,
      '--topic',
      'fanout',
      '--to-earliest',
      '--create',
    ])
    expect([created.groupExists, created.applied]).toEqual([false, false])
  })

  it('refuses a bad reset target with exit 2', async () => {
    for (const bad of [
      ['--to-offset', 'x'],
      ['--shift-by', '1.5'],
      ['--by-duration', 'soon'],
      ['--partitions', '7', '--to-earliest'],
    ]) {
      const r = await gochat(['groups', 'reset', 'task.fanout.group', '--topic', 'fanout', ...bad])
      expect(r.code, `${bad.join(' ')}: ${r.stderr}`).toBe(2)
    }
  })

  it('deletes an idle group with --force only, and refuses an unknown one', async () => {
    const noForce = await gochat(['groups', 'delete', 'task.fanout.group'])
    expect(noForce.code).toBe(2)
    expect(noForce.stderr).toContain('--force')
    const unknown = await gochat(['groups', 'delete', `${prefix}.task.fanout.grop`, '--force'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain(`${prefix}.task.fanout.grop`)
    const r = await json<{ deleted: string[] }>(['groups', 'delete', 'task.fanout.group', '--force'])
    expect(r.deleted).toEqual([`${prefix}.task.fanout.group`])
    expect((await gochat(['groups', 'describe', 'task.fanout.group'])).code).toBe(2)
  })

  it('rejects bad input with exit 2 and a message that names the problem', async () => {
    const unknownDescribe = await gochat(['topics', 'describe', `${prefix}.no-such-topic`])
    expect(unknownDescribe.code).toBe(2)
    expect(unknownDescribe.stderr).toContain(`${prefix}.no-such-topic`)

    const unknownDelete = await gochat(['topics', 'delete', `${prefix}.no-such-topic`, '--force'])
    expect(unknownDelete.code).toBe(2)
    expect(unknownDelete.stderr).toContain(`${prefix}.no-such-topic`)

    const noForce = await gochat(['topics', 'delete', `${prefix}.tasks.dlq`])
    expect(noForce.code).toBe(2)
    expect(noForce.stderr).toContain('--force')

    const zero = await gochat(['topics', 'create', '--partitions', '0'])
    expect(zero.code).toBe(2)
    expect(zero.stderr).toMatch(/partitions/)

    // valid configuration that the broker refuses: one broker cannot hold three replicas
    const rf = await gochat(
      ['topics', 'create', '--kafka', KAFKA, '--topic-prefix', `${prefix}rf`, '--replication-factor', '3'],
      false,
    )
    expect(rf.code, rf.stderr).toBe(2)
    expect(rf.stderr).toMatch(/replication_factor/)
    // a dry run finds it too
    const rfDry = await gochat(
      ['topics', 'create', '--dry-run', '--kafka', KAFKA, '--topic-prefix', `${prefix}rf`, '--replication-factor', '3'],
      false,
    )
    expect(rfDry.code, rfDry.stderr).toBe(2)
    expect(rfDry.stderr).toMatch(/replication_factor 3 is more than the \d+ broker/)
    const admin = new kafkajs.Kafka({
      clientId: 'itest-rf',
      brokers: [KAFKA],
      logLevel: kafkajs.logLevel.NOTHING,
    }).admin()
    await admin.connect()
    try {
      expect((await admin.listTopics()).filter((t) => t.startsWith(`${prefix}rf.`))).toEqual([])
    } finally {
      await admin.disconnect()
    }

    // none of these changed anything
    if (hasKcat) expect([...kcatMetadata().keys()].sort()).toEqual([...names].sort())
  })

  it('fails fast and clearly when no broker answers', async () => {
    const r = await gochat(['topics', 'list', '--kafka', '127.0.0.1:1', '--topic-prefix', prefix], false)
    expect(r.code).toBeGreaterThanOrEqual(2)
    expect(r.stderr).toContain('127.0.0.1:1')
    // against the CLI's own start-up in the same minute (a loaded machine slows both): the broker probe gives up in
    // seconds, where kafkajs' default retries would take over a minute
    const startup = await gochat(['--version'], false)
    expect(r.ms - startup.ms).toBeLessThan(12_000)
  })

  it('deletes the topics it created', async () => {
    const r = await json<{ deleted: string[] }>(['topics', 'delete', ...names, '--force'])
    expect(r.deleted.sort()).toEqual([...names].sort())
    if (hasKcat) expect(kcatMetadata().size).toBe(0)
  })
})
