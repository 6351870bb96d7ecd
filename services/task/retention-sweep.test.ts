// The retention sweeper (issue 28) against two real repos on one store: only the repo whose relay holds the outbox
// lease expires anything (a task that asks the standby is told so and asks again, as round robin would), batches
// run until one comes back short, the bytes of an expired image go through the blob port, and what was removed is
// counted and logged.
import { afterEach, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { textDefaults } from '../../src/domain/message.js'
import { createLogger, type Logger } from '../../src/observability/log.js'
import { blobKey } from '../../src/attachments/blobs.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { testBlobs } from '../../test/helpers/blobs.js'
import { waitUntil } from '../../test/helpers/until.js'
import { startRepo, type StartedRepo } from '../repo/index.js'
import { attachmentsExpired, messagesExpired } from './metrics.js'
import { RetentionSweeper } from './retention-sweep.js'

const cfg = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const now = Date.now()
const counted = async (c: typeof messagesExpired) => (await c.get()).values.reduce((a, v) => a + v.value, 0)

function recordingLog(): Logger & { infos: string[] } {
  const infos: string[] = []
  const log: Logger = {
    debug: () => {},
    info: (msg) => void infos.push(msg),
    warn: () => {},
    error: () => {},
    child: () => log,
  }
  return Object.assign(log, { infos })
}

describe('retention sweeper', () => {
  const started: StartedRepo[] = []
  afterEach(async () => {
    for (const r of started.splice(0)) await r.role.stop()
  })

  it('expires through the repo holding the lease only, in batches, deleting the bytes of expired attachments', async () => {
    const store = new MemoryStore()
    const bus = new MemoryBus({ defaultPartitions: 3 })
    for (let i = 0; i < 2; i++)
      started.push(
        await startRepo({ cfg, bus, log: createLogger(), store, cache: new MemoryCache(), relay: { pollMs: 50 } }),
      )
    await waitUntil(() => started.some((r) => r.relay.state === 'active'), 5_000)
    const active = started.find((r) => r.relay.state === 'active')!
    const standby = started.find((r) => r.relay.state !== 'active')!
    expect((await standby.api.ExpireMessages({ now_ms: now, default_retention_days: 1, limit: 10 })).active).toBe(false)

    const c = 'g_sweep'
    await store.createConversation(
      { conversationId: c, kind: 'group', name: 'G', announcement: '', createdAt: now },
      [{ conversationId: c, userId: 'ann', role: 'admin', joinedAt: now }],
      [],
    )
    await store.retention.setRetention(c, { retentionDays: 0, ttlSeconds: 30 }, [])
    const blobs = testBlobs()
    const attachmentId = `att_${now}`
    await blobs.put(blobKey(attachmentId), Buffer.from('png'))
    await store.attachments.createAttachment(
      {
        attachmentId,
        ownerId: 'ann',
        kind: 'image',
        mime: 'image/png',
        size: 3,
        name: '',
        sha256: '',
        width: 1,
        height: 1,
        durationMs: null,
        thumbnail: null,
        state: 'ready',
        createdAt: now,
        expiresAt: now + 60_000,
      },
      1_000_000,
      now,
    )
    const send = (i: number, over = {}) =>
      store.storeMessage(
        {
          messageId: `m_${now}_${i}`,
          conversationId: c,
          senderId: 'ann',
          content: 'x',
          sentAt: now - 60_000,
          status: 'normal',
          idempotencyKey: '',
          ...textDefaults,
          ...over,
        },
        { outbox: () => [] },
      )
    await send(0, {
      kind: 'image',
      attachment: {
        attachmentId,
        mime: 'image/png',
        size: 3,
        name: '',
        sha256: '',
        width: 1,
        height: 1,
        durationMs: 0,
      },
    })
    for (let i = 1; i < 7; i++) await send(i)
    await send(7, { sentAt: now })

    // calls alternate between the repos, as round robin over two would
    let turn = 0
    const roundRobin: Pick<RepoApi, 'ExpireMessages' | 'ReleaseAttachment'> = {
      ExpireMessages: (req) => (turn++ % 2 ? active : standby).api.ExpireMessages(req),
      ReleaseAttachment: (req) => active.api.ReleaseAttachment(req),
    }
    const log = recordingLog()
    const before = { records: await counted(messagesExpired), attachments: await counted(attachmentsExpired) }
    const sweeper = new RetentionSweeper(
      { repo: roundRobin, blobs, log },
      { defaultRetentionDays: 0, everyMs: 1000, batch: 3 },
    )
    const run = await sweeper.runOnce(now)
    expect(run).toEqual({ active: true, records: 7, conversations: 1, attachments: 1 })
    expect(await blobs.stat(blobKey(attachmentId))).toBeNull()
    expect(await store.attachments.getAttachment(attachmentId)).toBeNull()
    const page = await store.listMessages(c, 0, 10)
    expect(page.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(page.map((m) => m.kind)).toEqual([...Array(7).fill('expired'), 'text'])
    expect(await counted(messagesExpired)).toBe(before.records + 7)
    expect(await counted(attachmentsExpired)).toBe(before.attachments + 1)
    expect(log.infos).toContain('retention: expired messages removed from history')
    expect(await sweeper.runOnce(now)).toMatchObject({ active: true, records: 0 })
    await blobs.close()
  })
})
