// `gochat tail` against a real Kafka, through the real CLI (bin/run.js): envelopes come out valid, the filters
// (--type, --user, --conversation, --partition, --since) pick the right records, a bad name exits 2 listing the
// aliases, the throwaway group commits nothing while --group joins (and commits in) the named catalog group, and
// Ctrl-C exits 0. Records are produced here with explicit partitions and timestamps; the run has its own prefix.
import { execFile, spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { EventEnvelope, messageEvent, userEvent } from '../../src/contracts/events.js'
import { KAFKA } from '../helpers/infra.js'
import { until } from '../helpers/until.js'
import { root, up, prefix, T, env, tail, tailJson, subjects } from '../helpers/tail-topics.js'
import { admin, now, groupsBefore, listGroupIds, committed } from '../helpers/tail-topics.js'
import { ends, send, ev, setUpTailTopics, AssignerProtocol } from '../helpers/tail-topics.js'

describe.skipIf(!up)('gochat tail against Kafka', () => {
  setUpTailTopics()

  it('prints one valid envelope with --from-beginning --count 1 --json', async () => {
    const lines = await tailJson(['user-events', '--from-beginning', '--count', '1'])
    expect(lines).toHaveLength(1)
    const l = lines[0]!
    expect(l).toMatchObject({
      topic: T.user,
      partition: expect.any(Number),
      offset: expect.stringMatching(/^\d+$/),
      timestamp: expect.any(Number),
    })
    const e = EventEnvelope.parse(l.value)
    expect(e.user_id).toBe(l.key)
    expect(l.headers['gochat-event-type']).toBe(e.event_type)
    expect(e.payload).toBeTypeOf('object')
  })

  // six independent reads, each its own `gochat tail` process: run together
  it('filters by --type, --user, --conversation and --partition', async () => {
    const [byType, byUser, byOperator, byConversation, byPartition, combined] = await Promise.all([
      tailJson(['user-events', '--from-beginning', '--count', '1', '--type', 'user.offline']),
      tailJson(['user-events', '--from-beginning', '--count', '2', '--user', 'u_ann']),
      // on message events --user matches the operator
      tailJson(['message-events', '--from-beginning', '--count', '2', '--user', 'u_bob']),
      tailJson(['message-events', '--from-beginning', '--count', '2', '--conversation', 'c1']),
      tailJson(['user-events', '--from-beginning', '--count', '2', '--partition', '2']),
      tailJson([
        'user-events',
        '--from-beginning',
        '--count',
        '1',
        '--user',
        'u_ann',
        '--type',
        'user.profile.updated',
      ]),
    ])
    expect(subjects(byType)).toEqual(['user.offline u_bob'])
    expect(subjects(byUser)).toEqual(['user.online u_ann', 'user.profile.updated u_ann'])
    expect(subjects(byOperator)).toEqual(['message.deleted c1/u_bob', 'message.recalled c2/u_bob'])
    expect(subjects(byConversation)).toEqual(['message.deleted c1/u_bob', 'message.read c1/u_ann'])
    expect(byPartition.map((l) => l.partition)).toEqual([2, 2])
    expect(subjects(byPartition)).toEqual(['user.online u_cid', 'user.profile.updated u_ann'])
    expect(subjects(combined)).toEqual(['user.profile.updated u_ann'])
  })

  it('starts at --since: a duration back or an ISO time', async () => {
    const fresh = ['user.offline u_bob', 'user.online u_ann', 'user.online u_cid', 'user.profile.updated u_ann']
    expect(subjects(await tailJson(['user-events', '--since', '10m', '--count', '4']))).toEqual(fresh)
    expect(
      subjects(await tailJson(['user-events', '--since', new Date(now - 30 * 60_000).toISOString(), '--count', '4'])),
    ).toEqual(fresh)
    // an hour and a half back takes in the old record too
    expect(
      subjects(await tailJson(['user-events', '--since', new Date(now - 90 * 60_000).toISOString(), '--count', '5'])),
    ).toEqual([...fresh, 'user.online u_old'].sort())

    const bad = await tail(['user-events', '--since', 'last tuesday'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--since: "last tuesday" is neither an ISO time .* nor a duration/)
  })

  it('prints a readable line by default', async () => {
    const r = await tail(['user-events', '--from-beginning', '--count', '1', '--type', 'user.offline'])
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).not.toMatch(/\x1b\[/) // not a TTY: no colours
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 1:0 user\.offline +u_bob \{"gateway_id":"gw-1","last_seen":\d+\}$/,
    )
    expect(new Date(lines[0]!.slice(0, 24)).getTime()).toBe(now)

    const m = await tail(['message-events', '--from-beginning', '--count', '1', '--type', 'message.recalled'])
    expect(m.stdout.trim()).toMatch(/ message\.recalled +c2 by u_bob \{"message_id":"m_2","seq_id":4\}$/)
  })

  it('starts at --offset (from the end when negative) and refuses two starting points', async () => {
    const [at1, last] = await Promise.all([
      tailJson(['user-events', '--partition', '2', '--offset', '1', '--count', '1']),
      tailJson(['user-events', '--partition', '0', '--offset=-1', '--count', '1']),
    ])
    expect(at1.map((l) => [l.partition, l.offset])).toEqual([[2, '1']])
    expect(subjects(at1)).toEqual(['user.online u_cid'])
    expect(subjects(last)).toEqual(['user.online u_ann'])
    for (const both of [
      ['--from-beginning', '--since', '5m'],
      ['--offset', '0', '--since', '5m'],
      ['--offset', 'x'],
    ]) {
      const r = await tail(['user-events', '--count', '1', ...both])
      expect(r.code, `${both.join(' ')}: ${r.stderr}`).toBe(2)
    }
  })

  it('cuts a long payload with "…" in the readable line', async () => {
    await send(
      T.message,
      0,
      'c_long',
      ev(messageEvent('message.read', 'c_long', 'u_zed', { message_id: 'm_'.padEnd(200, 'x'), seq_id: 9 })),
    )
    const r = await tail(['message-events', '--from-beginning', '--count', '1', '--conversation', 'c_long'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout.trim()).toMatch(/ 0:\d+ message\.read +c_long by u_zed \{"message_id":"m_x+…$/)
  })

  it('shows a record that is not an envelope instead of failing on it', async () => {
    const lines = await tailJson(['notifications', '--from-beginning', '--count', '2'])
    expect(lines).toHaveLength(2)
    const [good, bad] = lines
    expect(EventEnvelope.parse(good!.value)).toMatchObject({ event_type: 'friend.requested', target_user_id: 'u_ann' })
    expect(bad).toMatchObject({ value: 'this is {not json', error: 'not JSON', key: 'u_ann' })
  })

  it('exits 2 listing the aliases for an unknown alias or topic', async () => {
    for (const name of ['user-event', `${prefix}.no-such-topic`]) {
      const r = await tail([name, '--count', '1'])
      expect(r.code, r.stderr).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toContain(`no topic "${name}"`)
      for (const alias of [
        'user-events',
        'message-events',
        'notifications',
        'dispatch',
        'dlq',
        'downstream:<instance-id>',
      ])
        expect(r.stderr).toContain(alias)
    }
    const r = await tail(['user-events', '--partition', '3', '--count', '1'])
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr).toContain('--partition 3 does not exist')
  })

  it('leaves no group behind: the throwaway groups are removed on exit and no catalog group appeared', async () => {
    const all = await listGroupIds()
    const fresh = all.filter((g) => !groupsBefore.has(g))
    // every tail so far has exited, and a tail removes its throwaway group as it leaves (that it commits nothing
    // while it runs is checked on a live one below)
    expect(fresh.filter((g) => g.startsWith('gochat-tail-'))).toEqual([])
    // no group of this run's prefix (the catalog ones: analytics.events.group, notification-service, …)
    expect(all.filter((g) => g.startsWith(`${prefix}.`))).toEqual([])
    // nor did the default-prefix production groups commit anything on these topics
    for (const g of ['analytics.events.group', 'notification-service', 'task.events.group']) {
      expect([...(await committed(g, T.user)).values()].every((o) => o < 0)).toBe(true)
    }
  })

  it('--group analytics.events.group consumes as a member of the (prefixed) group and commits', async () => {
    const group = `${prefix}.analytics.events.group`
    const first = await tailJson([
      'user-events',
      '--group',
      'analytics.events.group',
      '--from-beginning',
      '--count',
      '5',
    ])
    expect(first).toHaveLength(5)
    // committed up to the end of every partition
    expect(await committed(group, T.user)).toEqual(await ends(T.user))
    expect([...(await committed('analytics.events.group', T.user)).values()].every((o) => o < 0)).toBe(true)

    // the next member run resumes where the group left off, and with --count commits only what it printed
    const at = Date.now()
    await send(
      T.user,
      1,
      'u_dee',
      ev(userEvent('user.online', 'u_dee', { gateway_id: 'gw-1', last_seen: Math.floor(at / 1000) })),
      at,
    )
    await send(
      T.user,
      1,
      'u_eve',
      ev(userEvent('user.online', 'u_eve', { gateway_id: 'gw-1', last_seen: Math.floor(at / 1000) })),
      at,
    )
    const second = await tailJson(['user-events', '--group', 'analytics.events.group', '--count', '1'])
    expect(subjects(second)).toEqual(['user.online u_dee'])
    expect((await committed(group, T.user)).get(1)).toBe(Number(second[0]!.offset) + 1)
    const third = await tailJson(['user-events', '--group', 'analytics.events.group', '--count', '1'])
    expect(subjects(third)).toEqual(['user.online u_eve'])
    expect(await committed(group, T.user)).toEqual(await ends(T.user))

    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
      execFile(
        process.execPath,
        ['bin/run.js', 'groups', 'list', '--json', '--kafka', KAFKA, '--topic-prefix', prefix],
        { cwd: root, env, timeout: 30_000 },
        (err, out) => (err ? reject(err) : resolve({ stdout: out })),
      ),
    )
    const listed = (JSON.parse(stdout) as { groups: Array<{ groupId: string; inCatalog: boolean }> }).groups.filter(
      (g) => g.groupId.startsWith(`${prefix}.`),
    )
    expect(listed).toEqual([expect.objectContaining({ groupId: group, inCatalog: true })])
  })

  it('exits 0 on Ctrl-C (SIGINT), having committed nothing while it ran or as it left', async () => {
    const child = spawn(
      process.execPath,
      ['bin/run.js', 'tail', 'user-events', '--from-beginning', '--kafka', KAFKA, '--topic-prefix', prefix],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d))
    child.stderr.on('data', (d: Buffer) => (err += d))
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    )
    // consuming: every record so far has been printed
    const deadline = Date.now() + 20_000
    while (out.trim().split('\n').filter(Boolean).length < 7 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100))
    expect(out.trim().split('\n')).toHaveLength(7)
    // the live throwaway group: a member of it is assigned this topic, and it has committed nothing
    const live = await until(
      async () => {
        const fresh = (await listGroupIds()).filter((g) => g.startsWith('gochat-tail-') && !groupsBefore.has(g))
        const { groups } = await admin.describeGroups(fresh)
        return groups.filter(
          (g) =>
            g.state === 'Stable' &&
            g.members.some((m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[T.user]),
        )
      },
      (l) => l.length === 1,
    )
    expect(live).toHaveLength(1)
    const groupId = live[0]!.groupId
    expect([...(await committed(groupId, T.user)).values()]).toEqual([-1, -1, -1])
    const sent = Date.now()
    child.kill('SIGINT')
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    const result = await exited
    clearTimeout(timer)
    expect(result, err).toEqual({ code: 0, signal: null })
    expect(Date.now() - sent).toBeLessThan(10_000)
    expect(err).toBe('')
    expect([...(await committed(groupId, T.user)).values()]).toEqual([-1, -1, -1])
  })
})
