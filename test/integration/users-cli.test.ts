// `gochat users export` and `gochat users erase` through the real CLI against MariaDB/MySQL (a database of its
// own), Redis (the revocation copy, under a key prefix of its own) and Kafka (the audit events).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import kafkajs from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { topics } from '../../src/contracts/topics.js'
import { userRevocationId } from '../../src/auth/revocation.js'
import { textDefaults } from '../../src/domain/message.js'
import { queryTerms } from '../../src/domain/search.js'
import { MysqlStore } from '../../src/drivers/mysql/store.js'
import { RedisCache } from '../../src/drivers/redis/cache.js'
import type { MessageDraft } from '../../src/ports/store.js'
import { deleteTopicsWithPrefix } from '../helpers/cleanup.js'
import { runGochat } from '../helpers/cli.js'
import { infraAvailable, KAFKA, MYSQL, REDIS } from '../helpers/infra.js'
import { testDatabase } from '../helpers/mysql.js'

describe.skipIf(!(await infraAvailable('mysql', 'redis', 'kafka')))(`gochat users on MySQL (${MYSQL})`, () => {
  const db = testDatabase('users')
  const prefix = `gochat-test-users-${process.pid}:`
  const topicPrefix = `users${Date.now().toString(36)}`
  const out = mkdtempSync(join(tmpdir(), 'gochat-users-'))
  const cli = (args: string[]) =>
    runGochat(
      [
        'users',
        ...args,
        '--mysql',
        db.url,
        '--redis',
        REDIS,
        '--redis-key-prefix',
        prefix,
        '--kafka',
        KAFKA,
        '--topic-prefix',
        topicPrefix,
      ],
      {
        env: { GOCHAT_LOG_LEVEL: 'warn' },
      },
    )
  let store: MysqlStore
  const secrets = () => store.searchMessages({ userId: 'u_b', terms: queryTerms('secret'), limit: 10 })

  beforeAll(async () => {
    const admin = new kafkajs.Kafka({ brokers: [KAFKA], logLevel: kafkajs.logLevel.NOTHING }).admin()
    await admin.connect()
    // the audit topic, and the user-events topic a deployment would have (erase refuses to name a missing one)
    const { audit, userEvents } = topics({ topic_prefix: topicPrefix })
    await admin.createTopics({
      waitForLeaders: true,
      topics: [audit, userEvents].map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })),
    })
    await admin.disconnect()
    store = new MysqlStore(db.url)
    await store.ping()
    const user = (id: string, name: string) => ({
      userId: id,
      username: name,
      displayName: name,
      guest: false,
      passwordHash: 'x',
      createdAt: 1,
      discoverable: true,
    })
    await store.insertUsers([user('u_a', 'alice'), user('u_b', 'bob')], [])
    const conv = { announcement: '', createdAt: 1 }
    await store.createConversation(
      { conversationId: 'g_1', kind: 'group', name: 'club', ...conv },
      [
        { conversationId: 'g_1', userId: 'u_a', role: 'admin', joinedAt: 1 },
        { conversationId: 'g_1', userId: 'u_b', role: 'member', joinedAt: 2 },
      ],
      [],
    )
    await store.createConversation(
      { conversationId: 'd_ab', kind: 'direct', name: '', ...conv },
      [
        { conversationId: 'd_ab', userId: 'u_a', role: 'member', joinedAt: 1 },
        { conversationId: 'd_ab', userId: 'u_b', role: 'member', joinedAt: 1 },
      ],
      [],
    )
    const send = (
      id: string,
      conversationId: string,
      senderId: string,
      content: string,
      over: Partial<MessageDraft> = {},
    ) =>
      store.storeMessage(
        {
          messageId: id,
          conversationId,
          senderId,
          content,
          sentAt: 5,
          status: 'normal',
          idempotencyKey: id,
          ...textDefaults,
          ...over,
        },
        { outbox: () => [] },
      )
    await send('m_1', 'g_1', 'u_a', 'secret one')
    await send('m_2', 'g_1', 'u_b', 'bob speaks')
    await send('m_3', 'g_1', 'u_a', 'secret two for bob', { mentions: ['u_b'] })
    await send('m_4', 'd_ab', 'u_a', 'secret three')
  })
  afterAll(async () => {
    await store?.close()
    await db.drop()
    await deleteTopicsWithPrefix(topicPrefix)
    rmSync(out, { recursive: true, force: true })
  })

  it('export writes what the user sent and publishes user.exported', async () => {
    const file = join(out, 'a.json')
    const run = await cli(['export', 'alice', '--out', file, '--json'])
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      counts: { conversations: 2, messages: 3 },
      audit: { published: true, event: { action: 'user.exported', target: 'u_a', actor: 'cli' } },
    })
    const doc = JSON.parse(readFileSync(file, 'utf8'))
    expect(doc.messages.map((m: { content: string }) => m.content)).toEqual([
      'secret three',
      'secret one',
      'secret two for bob',
    ])
  })

  it('erase plans, then erases: tombstones, the group handed over, the account a placeholder, every token revoked', async () => {
    const plan = await cli(['erase', 'u_a', '--json'])
    expect(plan.code, plan.stdout + plan.stderr).toBe(0)
    expect(JSON.parse(plan.stdout)).toMatchObject({ executed: false, messages: 3, groups: 1, promotions: 1 })
    expect((await store.getMessage('g_1', 'm_1'))?.content).toBe('secret one')
    expect(await secrets()).toHaveLength(3)

    const run = await cli(['erase', 'alice', '--execute', '--json'])
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      executed: true,
      erased: { messages: 3, groupsLeft: 1 },
      audit: { published: true, event: { action: 'user.erased', target: 'u_a' } },
    })
    const history = await store.listMessages('g_1', 0, 10)
    expect(history.map((m) => [m.seq, m.senderId, m.content])).toEqual([
      [1, 'u_a', ''],
      [2, 'u_b', 'bob speaks'],
      [3, 'u_a', ''],
    ])
    expect(history[2]).toMatchObject({ kind: 'expired', mentions: [] })
    expect((await store.getMessage('d_ab', 'm_4'))?.content).toBe('')
    expect(await secrets()).toEqual([])
    expect(await store.getMember('g_1', 'u_a')).toBeNull()
    expect((await store.getMember('g_1', 'u_b'))?.role).toBe('admin')
    expect(await store.getUser({ userId: 'u_a' })).toMatchObject({ username: null, displayName: 'Deleted user' })
    expect(await store.getUser({ username: 'alice' })).toBeNull()
    expect(await store.revokedTokenIds([userRevocationId('u_a')], Date.now())).toEqual(new Set(['user:u_a']))
    const redis = new RedisCache(REDIS, { keyPrefix: prefix })
    try {
      expect(await redis.get(`revoked:{rv}:${userRevocationId('u_a')}`)).toBe('1')
    } finally {
      await redis.del(`revoked:{rv}:${userRevocationId('u_a')}`)
      await redis.close()
    }

    const again = await cli(['erase', 'u_a', '--execute'])
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(/already erased/)
  }, 60_000)
})
