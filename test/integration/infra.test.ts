// `gochat infra status --json` against the real local services: each answers on its documented address.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { infraAvailable } from '../helpers/infra.js'
import type { StatusResult } from '../../infra/index.js'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const available = await infraAvailable('kafka', 'mysql', 'redis')

describe.skipIf(!available)('gochat infra status --json', () => {
  it('reports Kafka, MySQL and Redis answering on their documented addresses', async () => {
    const { stdout } = await promisify(execFile)('node', ['bin/run.js', 'infra', 'status', '--json'], {
      cwd: repoRoot,
      timeout: 30_000,
    })
    const status = JSON.parse(stdout) as StatusResult
    const byName = Object.fromEntries(status.components.map((c) => [c.name, c]))
    // kafka-1, kafka-2, … only while an `infra up --brokers N` cluster is up; redis-7001, … with --redis-cluster
    expect(
      Object.keys(byName)
        .filter((n) => !/^(kafka|redis)-\d+$/.test(n))
        .sort(),
    ).toEqual(['kafka', 'mysql', 'redis', 's3'])

    expect(byName.kafka).toMatchObject({ address: '127.0.0.1:9092', url: '127.0.0.1:9092', answers: true })
    // a log path is shown only where the file exists (null for a broker run from another checkout)
    if (byName.kafka!.log !== null) expect(byName.kafka!.log).toMatch(/\/\.gochat\/kafka\/kafka\.log$/)
    for (const c of status.components)
      if (c.log !== null) expect(existsSync(c.log), `${c.name} log ${c.log}`).toBe(true)
    // null when the broker on 9092 runs from another checkout's jars
    if (byName.kafka!.version !== null) expect(byName.kafka!.version).toMatch(/^4\./)
    expect(byName.mysql).toMatchObject({
      address: '127.0.0.1:3306',
      url: 'mysql://root@127.0.0.1:3306/gochat',
      answers: true,
    })
    expect(byName.redis).toMatchObject({ address: '127.0.0.1:6379', url: 'redis://127.0.0.1:6379', answers: true })
    // S3Proxy answers only after an `infra up` of this version (the S3 blob driver's suites start their own)
    expect(byName.s3).toMatchObject({
      address: '127.0.0.1:9310',
      url: expect.stringMatching(/^s3:\/\/.*@gochat\?endpoint=http:\/\/127\.0\.0\.1:9310$/),
    })
    for (const c of status.components) if (c.startedByUs) expect(c.pid, `${c.name} pid`).toBeGreaterThan(0)
    expect(status.stateFile).toMatch(/\/\.gochat\/infra-state\.json$/)
  })
})
