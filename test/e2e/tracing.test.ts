// Observability on real infrastructure, one cluster for both parts (2 gateways, 1 task, repo, logic; tracing on,
// exporting to an OTLP/HTTP receiver this test runs):
// - tracing: a group message sent from a socket on gw-1 to members on gw-1 and gw-2 makes one trace with spans of
//   gateway, logic, repo (StoreMessage and the outbox relay), task and both recipients' gateways, every span's
//   parent in the trace and the sender's gateway span its root; a large group's message goes through fanout shards
//   and offline push in one trace the same way.
// - metrics (test/e2e/metrics.test.ts's part): every role's /metrics after that traffic holds the names of
//   docs/metrics.md with plausible values, and deploy/grafana/gochat-dashboard.json queries only names that are
//   documented and scraped.
import { beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { ApiError, RestClient } from '../../src/client/rest.js'
import { groups } from '../../src/contracts/topics.js'
import type { ReceivedSpan } from '../helpers/otlp.js'
import { available, SERVER, PRODUCER, CONSUMER } from '../helpers/observability-cluster.js'
import { parseProm, sum, documented, prefix, cluster } from '../helpers/observability-cluster.js'
import { alice, aliceWs, smallGroup, largeGroup, scrapes } from '../helpers/observability-cluster.js'
import { setUpObservedCluster, traceOf, one, role, instance } from '../helpers/observability-cluster.js'
import { wellParented, ancestry } from '../helpers/observability-cluster.js'
import { bob, carol, dave, erin, carolWs } from '../helpers/observability-cluster.js'

describe.skipIf(!available)('observability on a real cluster', () => {
  setUpObservedCluster()

  it("follows a group message from the sender's gateway through logic, repo, the relay and task to the recipients' gateways", async () => {
    const ack = (await aliceWs.send(smallGroup, 'traced hello', randomUUID())) as { op: string; seq: number }
    expect(ack.op).toBe('ack')
    const complete = (spans: ReceivedSpan[]) =>
      spans.filter((s) => s.name === 'ws.write').length >= 2 &&
      [
        'task.dispatch',
        'outbox.relay',
        'realchat.message.v1.MessageApi/SendMessage',
        'gochat.repo.v1.RepoService/StoreMessage',
      ].every((n) => spans.some((s) => s.name === n && s.kind !== 3))
    const spans = await traceOf(smallGroup, ack.seq, complete)
    wellParented(spans)

    const services = new Set(spans.map((s) => s.service))
    expect([...services].sort()).toEqual(['gochat-gateway', 'gochat-logic', 'gochat-repo', 'gochat-task'])
    one(
      spans,
      (s) => s.name === 'realchat.message.v1.MessageApi/SendMessage' && s.kind === SERVER && role(s) === 'logic',
      'logic serves SendMessage',
    )
    const store = one(
      spans,
      (s) => s.name === 'gochat.repo.v1.RepoService/StoreMessage' && s.kind === SERVER && role(s) === 'repo',
      'repo serves StoreMessage',
    )
    const relay = one(
      spans,
      (s) => s.name === 'outbox.relay' && role(s) === 'repo',
      'the relay publishes the outbox row',
    )
    expect(relay.kind).toBe(PRODUCER)
    expect(relay.parentSpanId, 'the relay span is a child of the send (the StoreMessage span)').toBe(store.spanId)
    const dispatch = one(spans, (s) => s.name === 'task.dispatch' && role(s) === 'task', 'task dispatches')
    expect(dispatch.kind).toBe(CONSUMER)
    expect(dispatch.parentSpanId).toBe(relay.spanId)

    const writes = spans.filter((s) => s.name === 'ws.write')
    expect(writes.map(instance).sort()).toEqual(['gw-1', 'gw-2'])
    for (const w of writes) {
      expect(w).toMatchObject({ kind: CONSUMER, service: 'gochat-gateway', attributes: { 'gochat.role': 'gateway' } })
      expect(w.parentSpanId).toBe(dispatch.spanId)
      expect(ancestry(spans, w)).toEqual(
        expect.arrayContaining([
          'task:task.dispatch',
          'repo:outbox.relay',
          'repo:gochat.repo.v1.RepoService/StoreMessage',
          'logic:gochat.repo.v1.RepoService/StoreMessage',
          'logic:realchat.message.v1.MessageApi/SendMessage',
          'gateway:realchat.message.v1.MessageApi/SendMessage',
          'gateway:ws.send',
        ]),
      )
    }
    expect(writes.find((w) => instance(w) === 'gw-1')!.attributes).toMatchObject({
      'gochat.recipients': 2,
      'gochat.sockets_written': 2,
    })
    expect(writes.find((w) => instance(w) === 'gw-2')!.attributes).toMatchObject({
      'gochat.recipients': 1,
      'gochat.sockets_written': 1,
    })
  })

  it("follows a large group's message through its fanout shards and offline pushes", async () => {
    const ack = (await aliceWs.send(largeGroup, 'traced fanout', randomUUID())) as { op: string; seq: number }
    expect(ack.op).toBe('ack')
    // shards are cut by user id: which shard gets which member decides the ws.write and task.push spans
    const gatewayOf = new Map([
      [alice.userId, 'gw-1'],
      [bob.userId, 'gw-1'],
      [carol.userId, 'gw-2'],
    ])
    const members = [alice, bob, carol, dave, erin].map((u) => u.userId).sort()
    let writes = 0
    let pushes = 0
    for (let i = 0; i < members.length; i += 2) {
      const shard = members.slice(i, i + 2)
      writes += new Set(shard.map((id) => gatewayOf.get(id)).filter(Boolean)).size
      if (shard.some((id) => !gatewayOf.has(id))) pushes++
    }
    const count = (spans: ReceivedSpan[], name: string) => spans.filter((s) => s.name === name).length
    const complete = (spans: ReceivedSpan[]) =>
      count(spans, 'task.dispatch') === 1 &&
      count(spans, 'task.fanout') === 3 &&
      count(spans, 'ws.write') === writes &&
      count(spans, 'task.push') === pushes
    const spans = await traceOf(largeGroup, ack.seq, complete)
    wellParented(spans)
    const dispatch = one(spans, (s) => s.name === 'task.dispatch', 'one dispatch')
    const shards = spans.filter((s) => s.name === 'task.fanout')
    expect(shards).toHaveLength(3)
    for (const shard of shards) expect(shard.parentSpanId).toBe(dispatch.spanId)
    const shardIds = new Set(shards.map((s) => s.spanId))
    for (const s of spans.filter((x) => x.name === 'ws.write' || x.name === 'task.push'))
      expect(shardIds.has(s.parentSpanId), `${s.name} under a shard`).toBe(true)
    // dave and erin are offline: one push per shard that holds either
    expect(count(spans, 'task.push')).toBe(pushes)
    expect(count(spans, 'ws.write')).toBe(writes)
    for (const p of spans.filter((s) => s.name === 'task.push'))
      expect(p).toMatchObject({ kind: CONSUMER, service: 'gochat-task' })
    // ws.write from both gateways: alice and bob on gw-1, carol on gw-2
    expect(new Set(spans.filter((s) => s.name === 'ws.write').map(instance))).toEqual(new Set(['gw-1', 'gw-2']))
  })

  describe('metrics', () => {
    const targets = () => ({
      'gw-1': `${cluster.gatewayUrls[0]}/metrics`,
      'gw-2': `${cluster.gatewayUrls[1]}/metrics`,
      logic: cluster.procs.get('logic')!.healthUrl.replace('/health', '/metrics'),
      repo: cluster.procs.get('repo')!.healthUrl.replace('/health', '/metrics'),
      'task-1': cluster.procs.get('task-1')!.healthUrl.replace('/health', '/metrics'),
    })
    const roleOf = (proc: string) => (proc.startsWith('gw-') ? 'gateway' : proc.startsWith('task') ? 'task' : proc)

    beforeAll(async () => {
      // more traffic: a REST send, a refused send (errors by code), one more socket send
      const rest = new RestClient(cluster.gatewayUrls[0]!, alice.token)
      const sent = await rest.send(smallGroup, 'over REST', randomUUID())
      await carolWs.waitForMessage(smallGroup, sent.seq, 20_000)
      await expect(rest.send('g_nope', 'to nowhere', randomUUID())).rejects.toBeInstanceOf(ApiError)
      const refused = await aliceWs.send('g_nope', 'to nowhere', randomUUID())
      expect(refused.op).toBe('error')
      // the relay's backlog gauge and the consumers' lag settle within a poll
      await new Promise((r) => setTimeout(r, 1500))
      for (const [name, url] of Object.entries(targets())) scrapes.set(name, parseProm(await (await fetch(url)).text()))
    }, 60_000)

    it('exposes every documented metric on the roles that report it', () => {
      const docs = documented()
      expect(docs.length).toBeGreaterThan(25)
      for (const row of docs) {
        expect(['counter', 'gauge', 'histogram'], `${row.name} type`).toContain(row.type)
        for (const [proc, scrape] of scrapes) {
          if (!row.roles.includes(roleOf(proc))) continue
          expect(scrape.types.get(row.name), `${row.name} on ${proc}`).toBe(row.type)
        }
      }
      // every gochat metric a role exposes is documented
      const names = new Set(docs.map((d) => d.name))
      for (const [proc, scrape] of scrapes)
        for (const name of scrape.types.keys())
          if (name.startsWith('gochat_'))
            expect(names.has(name), `${name} (on ${proc}) is in docs/metrics.md`).toBe(true)
    })

    it('follows Prometheus naming: counters end in _total, durations in _seconds, labels are the documented ones', () => {
      for (const row of documented()) {
        if (row.type === 'counter') expect(row.name).toMatch(/_total$/)
        else expect(row.name).not.toMatch(/_total$/)
        if (/duration|latency|lag_seconds/.test(row.name)) expect(row.name).toMatch(/_seconds$/)
        for (const scrape of scrapes.values()) {
          for (const s of scrape.samples) {
            if (
              s.name !== row.name &&
              !(
                row.type === 'histogram' &&
                [`${row.name}_bucket`, `${row.name}_sum`, `${row.name}_count`].includes(s.name)
              )
            )
              continue
            const labels = Object.keys(s.labels).filter((l) => l !== 'le')
            expect(labels.sort(), `labels of ${s.name}`).toEqual([...row.labels].sort())
          }
        }
      }
    })

    it('counts the traffic with plausible values', () => {
      const gw1 = scrapes.get('gw-1')!
      const gw2 = scrapes.get('gw-2')!
      const logic = scrapes.get('logic')!
      const repo = scrapes.get('repo')!
      const task = scrapes.get('task-1')!

      expect(sum(gw1, 'gochat_gateway_connections')).toBe(2)
      expect(sum(gw2, 'gochat_gateway_connections')).toBe(1)
      expect(sum(gw1, 'gochat_gateway_users')).toBe(2)
      expect(sum(gw1, 'gochat_gateway_frames_in_total', { op: 'send' })).toBe(3)
      expect(sum(gw1, 'gochat_gateway_frames_out_total', { kind: 'reply' })).toBeGreaterThanOrEqual(3) // pings + acks
      expect(sum(gw1, 'gochat_gateway_frames_out_total', { kind: 'error' })).toBe(1)
      // carol: 2 in the small group, 1 in the large (and group.invited events, if they came after she connected)
      expect(sum(gw2, 'gochat_gateway_frames_out_total', { kind: 'message' })).toBeGreaterThanOrEqual(3)
      expect(sum(gw1, 'gochat_gateway_send_duration_seconds_count', { transport: 'ws', result: 'ok' })).toBe(2)
      expect(sum(gw1, 'gochat_gateway_send_duration_seconds_count', { transport: 'ws', result: 'error' })).toBe(1)
      expect(sum(gw1, 'gochat_gateway_send_duration_seconds_count', { transport: 'http', result: 'ok' })).toBe(1)
      expect(sum(gw1, 'gochat_gateway_send_duration_seconds_sum')).toBeGreaterThan(0)
      expect(sum(gw1, 'gochat_gateway_http_requests_total', { route: 'send', status: '200' })).toBe(1)
      expect(sum(gw1, 'gochat_errors_total', { role: 'gateway' })).toBe(2)
      expect(sum(gw1, 'gochat_grpc_client_duration_seconds_count', { method: 'SendMessage', code: 'OK' })).toBe(3)
      expect(sum(gw1, 'gochat_gateway_downstream_records_total')).toBeGreaterThanOrEqual(3)
      const downstreamGroup = groups({ topic_prefix: prefix }).downstream('gw-2')
      const lag = gw2.samples.filter(
        (s) => s.name === 'gochat_kafka_consumer_lag' && s.labels.group === downstreamGroup,
      )
      expect(lag.length, "lag of gw-2's downstream partitions").toBeGreaterThan(0)
      for (const s of lag) expect(s.value).toBe(0)

      expect(
        sum(logic, 'gochat_grpc_server_duration_seconds_count', {
          service: 'realchat.message.v1.MessageApi',
          method: 'SendMessage',
          code: 'OK',
        }),
      ).toBe(3)
      expect(
        sum(logic, 'gochat_grpc_server_duration_seconds_count', { method: 'SendMessage', code: 'NOT_FOUND' }) +
          sum(logic, 'gochat_grpc_server_duration_seconds_count', { method: 'SendMessage', code: 'PERMISSION_DENIED' }),
      ).toBe(2)
      expect(sum(logic, 'gochat_errors_total', { role: 'logic' })).toBeGreaterThanOrEqual(2)
      expect(sum(logic, 'gochat_grpc_client_duration_seconds_count', { method: 'StoreMessage', code: 'OK' })).toBe(3)

      expect(
        sum(repo, 'gochat_grpc_server_duration_seconds_count', {
          service: 'gochat.repo.v1.RepoService',
          method: 'StoreMessage',
          code: 'OK',
        }),
      ).toBe(3)
      expect(sum(repo, 'gochat_repo_messages_stored_total', { result: 'stored' })).toBe(3)
      expect(sum(repo, 'gochat_repo_outbox_published_total')).toBeGreaterThanOrEqual(3)
      expect(sum(repo, 'gochat_repo_outbox_relay_lag_seconds_count')).toBeGreaterThanOrEqual(3)
      expect(sum(repo, 'gochat_repo_outbox_relay_lag_seconds_sum')).toBeGreaterThan(0)
      expect(
        sum(repo, 'gochat_repo_outbox_relay_lag_seconds_sum') / sum(repo, 'gochat_repo_outbox_relay_lag_seconds_count'),
      ).toBeLessThan(5)
      expect(sum(repo, 'gochat_repo_outbox_backlog')).toBe(0)
      expect(sum(repo, 'gochat_repo_outbox_relay_active')).toBe(1)

      expect(sum(task, 'gochat_task_processing_duration_seconds_count', { task_type: 'dispatch' })).toBe(3)
      expect(sum(task, 'gochat_task_processing_duration_seconds_count', { task_type: 'fanout' })).toBe(3)
      const pushes = sum(task, 'gochat_task_processing_duration_seconds_count', { task_type: 'push' })
      expect(pushes).toBeGreaterThanOrEqual(1)
      expect(pushes).toBeLessThanOrEqual(2)
      expect(sum(task, 'gochat_task_fanout_members_count')).toBe(2 + 3) // two small-group dispatches, three shards
      expect(sum(task, 'gochat_task_fanout_members_sum')).toBe(3 + 3 + 5)
      expect(sum(task, 'gochat_task_deliveries_total')).toBe(3 + 3 + 3)
      expect(sum(task, 'gochat_task_offline_members_total')).toBe(2)
      expect(sum(task, 'gochat_push_results_total', { provider: 'log', outcome: 'ok' })).toBe(pushes)
      // small groups look presence up; a large group's shards ask repo for their members by gateway
      expect(
        sum(task, 'gochat_grpc_client_duration_seconds_count', { method: 'LookupPresence', code: 'OK' }),
      ).toBeGreaterThanOrEqual(2)
      expect(sum(task, 'gochat_grpc_client_duration_seconds_count', { method: 'LocateMembers', code: 'OK' })).toBe(3)
      const dispatchGroup = groups({ topic_prefix: prefix }).dispatch
      expect(task.samples.some((s) => s.name === 'gochat_kafka_consumer_lag' && s.labels.group === dispatchGroup)).toBe(
        true,
      )
    })

    it('has a Grafana dashboard whose queries use only documented, scraped names', () => {
      const dashboard = JSON.parse(
        readFileSync(new URL('../../deploy/grafana/gochat-dashboard.json', import.meta.url), 'utf8'),
      )
      const exprs: string[] = []
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) {
          v.forEach(walk)
          return
        }
        if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v)) k === 'expr' && typeof x === 'string' ? exprs.push(x) : walk(x)
      }
      walk(dashboard)
      expect(exprs.length).toBeGreaterThan(15)
      const docs = new Map(documented().map((d) => [d.name, d]))
      const scraped = new Map<string, string>()
      for (const s of scrapes.values()) for (const [name, type] of s.types) scraped.set(name, type)
      const used = new Set<string>()
      for (const expr of exprs)
        for (const m of expr.matchAll(/\b(?:gochat|process|nodejs)_[a-z0-9_]+\b/g)) used.add(m[0])
      expect(used.size).toBeGreaterThan(15)
      for (const name of used) {
        const base = docs.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '')
        expect(docs.has(base), `${name} is in docs/metrics.md`).toBe(true)
        if (base !== name) expect(docs.get(base)!.type, `${name} is a histogram's series`).toBe('histogram')
        expect(scraped.has(base), `${base} is scraped`).toBe(true)
      }
    })
  })
})
