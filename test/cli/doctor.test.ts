// `gochat doctor` through the real binary: against `gochat up` on embedded drivers (its gateway and monitor port
// ready, a short jwt_secret a failed check, exit 1), against a role URL that does not answer (readiness fails,
// naming why), and with a real Kafka (a catalog group that lags with nobody consuming it, a dead letter waiting).
import { createServer } from 'node:net'
import kafkajs from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalog, catalogGroups } from '../../src/contracts/topics.js'
import type { DoctorResult } from '../../cli/commands/doctor.js'
import { runGochat } from '../helpers/cli.js'
import { deleteTopicsWithPrefix } from '../helpers/cleanup.js'
import { infraAvailable, KAFKA } from '../helpers/infra.js'
import { TEST_JWT_SECRET } from '../helpers/secret.js'
import { startUp } from '../helpers/up.js'

/** long enough for up on embedded drivers (16+), too short for doctor (32+) */
const SHORT_SECRET = 'short-secret-0123456789'

async function doctor(args: string[], jwtSecret: string): Promise<{ code: number | null; result: DoctorResult }> {
  const r = await runGochat(['doctor', ...args, '--json'], { env: { GOCHAT_JWT_SECRET: jwtSecret } })
  return { code: r.code, result: JSON.parse(r.stdout) as DoctorResult }
}

const find = (r: DoctorResult, area: string, target: string) =>
  r.checks.find((c) => c.area === area && c.target === target)

/** a port of 127.0.0.1 where nothing listens */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  await new Promise((r) => server.close(r))
  return port
}

describe('gochat doctor against gochat up', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  let monitor: string
  beforeAll(async () => {
    up = await startUp([], { GOCHAT_JWT_SECRET: SHORT_SECRET })
    monitor = `http://127.0.0.1:${/metrics on :(\d+)/.exec(up.output())![1]}`
  }, 60_000)
  afterAll(() => up?.stop())

  it('readiness ok on the gateway and the monitor port; a short jwt_secret fails; exit 1', async () => {
    const { code, result } = await doctor(['--gateway', up.url, '--monitor', monitor], SHORT_SECRET)
    expect(code).toBe(1)
    expect(result.ok).toBe(false)
    expect(find(result, 'readiness', up.url)).toMatchObject({ status: 'ok' })
    expect(find(result, 'readiness', monitor)).toMatchObject({ status: 'ok' })
    expect(find(result, 'secret', 'jwt_secret')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining(`${SHORT_SECRET.length} characters, under 32`),
      fix: expect.stringContaining('GOCHAT_JWT_SECRET'),
    })
    // the embedded bus cannot be looked at from outside: said, not failed
    expect(find(result, 'kafka', 'kafka_brokers')).toMatchObject({ status: 'warn' })
    expect(find(result, 'exposure', up.url)).toMatchObject({ status: 'ok' })
    expect(result.checks.filter((c) => c.status === 'fail')).toHaveLength(1)
    expect(result.counts.fail).toBe(1)
    for (const c of result.checks) if (c.status !== 'ok') expect(c.fix, `${c.area} ${c.target}`).not.toBe('')
  })

  it('prints a table for people, with the fix on the failed row', async () => {
    const r = await runGochat(['doctor', '--gateway', up.url, '--monitor', monitor], {
      env: { GOCHAT_JWT_SECRET: SHORT_SECRET },
    })
    expect(r.code).toBe(1)
    const row = r.stdout.split('\n').find((l) => l.includes('jwt_secret'))!
    expect(row).toMatch(/│ FAIL │ secret/)
    expect(r.stdout).toMatch(/\d+ ok, 1 warn, 1 fail\n$/)
    expect(r.stderr).toBe('')
  })

  it('with a good secret and every role ready, nothing fails: exit 0', async () => {
    const { code, result } = await doctor(['--gateway', up.url, '--monitor', monitor], TEST_JWT_SECRET)
    expect(result.checks.filter((c) => c.status === 'fail')).toEqual([])
    expect(code).toBe(0)
  })

  it('a role URL that does not answer fails readiness, naming why', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`
    const { code, result } = await doctor(['--gateway', up.url, '--monitor', dead], TEST_JWT_SECRET)
    expect(code).toBe(1)
    expect(find(result, 'readiness', up.url)).toMatchObject({ status: 'ok' })
    expect(find(result, 'readiness', dead)).toMatchObject({
      status: 'fail',
      detail: 'monitor port did not answer /health/ready (ECONNREFUSED)',
      fix: expect.stringContaining('--monitor'),
    })
  })
})

const kafkaUp = await infraAvailable('kafka')

describe.skipIf(!kafkaUp)('gochat doctor with Kafka', () => {
  const prefix = `doc${Date.now().toString(36)}`
  const cfg = { topic_prefix: prefix, partitions: 1, replication_factor: 1, gateway_ids: [] }
  const push = catalog(cfg).find((t) => t.id === 'push')!
  const dlq = catalog(cfg).find((t) => t.id === 'dlq')!
  const pushGroup = catalogGroups(cfg).find((g) => g.topics.includes(push.name))!.groupId
  const kafka = new kafkajs.Kafka({ clientId: 'doctor-test', brokers: [KAFKA], logLevel: kafkajs.logLevel.NOTHING })

  beforeAll(async () => {
    const admin = kafka.admin()
    await admin.connect()
    await admin.createTopics({
      waitForLeaders: true,
      topics: [push, dlq].map((t) => ({ topic: t.name, numPartitions: 1, replicationFactor: 1 })),
    })
    const producer = kafka.producer()
    await producer.connect()
    await producer.send({ topic: push.name, messages: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] })
    await producer.send({ topic: dlq.name, messages: [{ key: 't-1', value: '{"not":"a task"}' }] })
    await producer.disconnect()
    // a group that committed the start of the topic and has no member: lag 3, nobody consuming
    await admin.setOffsets({ groupId: pushGroup, topic: push.name, partitions: [{ partition: 0, offset: '0' }] })
    await admin.disconnect()
  }, 60_000)
  afterAll(async () => {
    const admin = kafka.admin()
    await admin.connect()
    await admin.deleteGroups([pushGroup]).catch(() => undefined)
    await admin.disconnect()
    await deleteTopicsWithPrefix(prefix)
  })

  it('reports the lagging group nobody consumes and the dead letter waiting', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`
    const { code, result } = await doctor(
      ['--gateway', dead, '--monitor', '', '--kafka', KAFKA, '--topic-prefix', prefix],
      TEST_JWT_SECRET,
    )
    expect(code).toBe(1)
    expect(find(result, 'lag', pushGroup)).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^lag 3, 0 members/),
    })
    expect(find(result, 'dead letters', dlq.name)).toMatchObject({
      status: 'warn',
      detail: '1 waiting (not replayed)',
      fix: expect.stringContaining('gochat dlq replay'),
    })
    // Kafka on loopback: no TLS asked for, none missed
    expect(result.checks.filter((c) => c.area === 'tls')).toEqual([])
  })
})
