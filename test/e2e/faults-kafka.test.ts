// Kafka faults on a Kafka of this file's own (three KRaft nodes on free ports; never the shared broker), under a
// chaos workload (direct pairs and a group fanout) on a supervised cluster with replication factor 3, min ISR 2:
// - kafka:kill-broker SIGKILLs the node leading dispatch partition 0 mid-traffic and starts it again 25 s later:
//   every acked message is in history and reached its recipients (live, or by a sync they were told to make);
//   its partitions move to other leaders, `gochat topics describe` shows the ISR shrunk to two and then
//   restored to three.
// - kafka:restart kills all three nodes and starts them again: sends keep being acked while Kafka is down (the
//   repo commits them with their outbox rows in MariaDB and relays them once Kafka is back), nothing acked is
//   lost, every acked message reaches its recipients live once Kafka is back or their gateway tells them to
//   `resync` (none is skipped without a word: neverLiveUntold), and new messages flow live again within a few
//   seconds of the brokers serving again (resumedAfterBackMs). Deliveries that Kafka refuses while it comes back
//   wait in place (BusUnavailable, src/messaging/consumer.ts) instead of being retried away into dead letters.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runRound, type RoundOptions, type RoundResult } from '../../bench/chaos/run.js'
import { dispatchLeader } from '../../bench/chaos/faults.js'
import { startOwnKafka } from '../../bench/chaos/own-kafka.js'
import type { KafkaNodes } from '../../infra/kafka-nodes.js'
import { Cluster } from '../../runtime/cluster.js'
import { withAdmin } from '../../src/ops/kafka/admin.js'
import { describeTopic, type TopicDescription } from '../../src/ops/kafka/topics.js'
import { dropDatabase } from '../helpers/cleanup.js'
import { infraAvailable, MYSQL, REDIS } from '../helpers/infra.js'
import { ADMIN_SECRET } from '../helpers/population.js'
import { deleteKeys, testKeyPrefix } from '../helpers/redis.js'
import { sleep } from '../helpers/until.js'

// MariaDB and Redis are the shared ones (own database and key prefix); Kafka is this file's
const available = await infraAvailable('mysql', 'redis')
const repoRoot = new URL('../../', import.meta.url).pathname
const round: RoundOptions = {
  pairs: 4,
  groupSize: 8,
  rate: 20,
  warmupMs: 3000,
  afterMs: 20_000,
  drainMs: 5000,
  restartAfterMs: 15_000,
}

describe.skipIf(!available)('faults: Kafka brokers killed under traffic (own 3-node KRaft, RF 3, min ISR 2)', () => {
  const prefix = `kfault${Date.now().toString(36)}`
  const mysql = `${MYSQL}/gochat_${prefix}`
  const keyPrefix = testKeyPrefix('kfault')
  const dispatch = `${prefix}.messages.dispatch`
  let kafka: KafkaNodes | undefined
  let cluster: Cluster | undefined

  beforeAll(async () => {
    kafka = await startOwnKafka(3)
    cluster = new Cluster({
      gateways: 2,
      tasks: 2,
      kafka: kafka.brokers.join(','),
      mysql,
      redis: REDIS,
      topicPrefix: prefix,
      restart: true,
      env: {
        GOCHAT_ADMIN_SECRET: ADMIN_SECRET,
        GOCHAT_REDIS_KEY_PREFIX: keyPrefix,
        GOCHAT_REPLICATION_FACTOR: '3',
        // the cluster's logs (.gochat/cluster) then show the recovery: rejoins, evicted members, the relay's return
        GOCHAT_LOG_LEVEL: 'info',
      },
    })
    await cluster.start(150_000)
  }, 300_000)
  afterAll(async () => {
    await cluster?.stop()
    await kafka?.stop({ wipe: true })
    await dropDatabase(mysql)
    await deleteKeys(keyPrefix)
  }, 60_000)

  const describeNow = (): Promise<TopicDescription | null> =>
    withAdmin({ kafka_brokers: kafka!.brokers, log_level: 'warn' }, (h) => describeTopic(h, dispatch)).catch(() => null)
  /** what `gochat topics describe dispatch --json` prints, through the real CLI */
  const describeCli = async (): Promise<TopicDescription> => {
    const args = [
      'bin/run.js',
      'topics',
      'describe',
      'dispatch',
      '--kafka',
      kafka!.brokers.join(','),
      '--topic-prefix',
      prefix,
      '--json',
    ]
    // a broker that is starting (port open, not serving yet) makes one describe fail: ask again
    let why = ''
    for (let i = 0; i < 3; i++) {
      try {
        const { stdout } = await promisify(execFile)('node', args, { cwd: repoRoot, timeout: 90_000 })
        return JSON.parse(stdout) as TopicDescription
      } catch (err) {
        const e = err as Error & { stdout?: string; stderr?: string }
        why = `${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`
        console.log(`gochat topics describe failed (try ${i + 1}): ${why}`)
      }
    }
    throw new Error(`gochat ${args.slice(1).join(' ')} failed: ${why}`)
  }
  /** polls until pred holds for the dispatch topic (null: not within the time, or not before `until` settles) */
  const watch = async (pred: (d: TopicDescription) => boolean, ms: number, until?: Promise<unknown>) => {
    let settled = false
    void until?.finally(() => (settled = true)).catch(() => undefined)
    for (const end = Date.now() + ms; Date.now() < end && !settled; await sleep(300)) {
      const d = await describeNow()
      if (d && pred(d)) return d
    }
    return null
  }
  const checked = (r: RoundResult) => {
    console.log(r.fault, JSON.stringify(r))
    expect(r.acked).toBeGreaterThan(0)
    expect(r.ackedMissing).toBe(0)
    expect(r.seqDuplicates).toBe(0)
    expect(r.seqGaps).toBe(0)
    expect(r.missedSilently).toBe(0)
    // edits and reactions in the workload: their targets show what history's operation records make of them
    expect(r.operations).toBeGreaterThan(0)
    expect(r.opsMismatched).toBe(0)
  }

  it('kafka:kill-broker — leaders move, the ISR shrinks and is restored, nothing acked is lost', async () => {
    const before = (await describeNow())!
    expect(before.partitions.every((p) => p.replicas.length === 3 && p.isr.length === 3)).toBe(true)
    expect(before.configs['min.insync.replicas']).toBe('2')
    const victim = await dispatchLeader(cluster!, kafka!)
    const led = before.partitions.filter((p) => p.leader === victim).map((p) => p.partition)

    const roundDone = runRound(
      cluster!,
      'kafka:kill-broker',
      // down 25 s: fenced after 6 s, so there is time to see the shrunken ISR through the CLI
      { ...round, restartAfterMs: 25_000 },
      `k${Date.now().toString(36).slice(-5)}`,
      { kafka },
    )
    // the victim is fenced after broker.session.timeout.ms (6 s): out of every ISR, its partitions led by others
    const shrunk = await watch(
      (d) => d.partitions.every((p) => !p.isr.includes(victim) && p.leader !== victim && p.leader >= 0),
      180_000,
      roundDone,
    )
    const cliShrunk = shrunk ? await describeCli() : null
    // the round always runs to its end before the next test (its fault restarts the broker)
    const r = await roundDone
    expect(shrunk, 'ISR without the killed broker while it is down').not.toBeNull()

    for (const p of led) expect(shrunk!.partitions[p]!.leader).not.toBe(victim)
    // seen through the CLI while the broker was down, or (on a slow machine) already back in sync
    expect(cliShrunk!.partitions.every((p) => p.replicas.length === 3 && p.isr.length >= 2)).toBe(true)
    console.log(
      'ISR while down (CLI):',
      cliShrunk!.partitions.map((p) => `${p.partition}:${p.isr.join(',')}`).join(' '),
    )

    // the restarted broker catches up and rejoins every ISR
    expect(await watch((d) => d.partitions.every((p) => p.isr.length === 3), 60_000)).not.toBeNull()
    const restored = await describeCli()
    expect(restored.partitions.map((p) => p.isr.length)).toEqual(restored.partitions.map(() => 3))

    checked(r)
    // consumers resumed: every recipient got every acked message live (none needed a sync)
    expect(r.neverLive).toBe(0)
    expect(r.sendErrors).toBe(0)
  }, 240_000)

  it('kafka:restart — sends still acked while Kafka is down; every acked message delivered live once it is back, or a resync', async () => {
    expect(await watch((d) => d.partitions.every((p) => p.isr.length === 3), 90_000)).not.toBeNull()
    const r = await runRound(
      cluster!,
      'kafka:restart',
      // traffic goes on well after the brokers are back (their restart takes 10–30 s here), and the relay has time
      // to publish what was committed meanwhile
      { ...round, restartAfterMs: 5000, afterMs: 45_000, drainMs: 15_000 },
      `r${Date.now().toString(36).slice(-5)}`,
      { kafka },
    )
    checked(r)
    expect(r.sendErrors).toBe(0)
    // delivered live, or its recipient was told to resync after it was sent (the task once dead-lettered deliveries
    // that Kafka refused while coming back: 42 never live, and no resync, on a machine at load 5–7)
    expect(r.neverLiveUntold, 'acked messages neither delivered live nor announced by a resync').toBe(0)
    console.log(
      `kafka:restart: down+start ${r.faultMs} ms, longest stall ${r.recoveryMs} ms, resumed ${r.resumedAfterBackMs} ms after back`,
    )
    // from every broker serving again to every conversation getting new messages live: 3.9, 2.2, 2.4 and 1.8 s measured
    // here (the target is 5 s), the bound leaves room for a loaded machine. What remains is mostly Kafka's (produce
    // refused with NOT_ENOUGH_REPLICAS until followers rejoin the ISR; "coordinator is loading", after which each
    // group rejoins once its crashed members are evicted) plus kafkajs retry waits (capped at 1 s)
    expect(r.resumedAfterBackMs).toBeLessThan(8000)
  }, 240_000)
})
