// The guest sweep and the pruning of revoked tokens (issue 23, finding 2: guests never expired): a guest past its
// last possible use plus guest_ttl_days is deleted, one still within it is kept, registered users are never
// touched; only the repo whose relay holds the lease sweeps; what was removed is logged at info and counted.
import { afterEach, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger, type Logger } from '../../src/observability/log.js'
import type { UserRow } from '../../src/ports/store.js'
import { waitUntil } from '../../test/helpers/until.js'
import { testBlobs } from '../../test/helpers/blobs.js'
import { blobKey, thumbnailKey } from '../../src/attachments/blobs.js'
import type { AttachmentRow } from '../../src/ports/attachments.js'
import { guestCutoff, Housekeeping, SWEEP_BATCH } from './housekeeping.js'
import { startRepo, type StartedRepo } from './index.js'
import { attachmentsSwept, guestsSwept, revocationsPruned } from './metrics.js'

const cfg = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const DAY = 86_400_000
const now = Date.UTC(2026, 11, 7)
const ttl = { guestTtlDays: 30, tokenTtlSeconds: 86_400 }
let n = 0
const guest = (createdAt: number): UserRow => ({
  userId: `u_g${n++}`,
  username: null,
  displayName: 'guest',
  guest: true,
  discoverable: false,
  passwordHash: '',
  createdAt,
})
const counted = async (c: typeof guestsSwept) => (await c.get()).values[0]?.value ?? 0

function recordingLog(): Logger & { infos: Array<[string, Record<string, unknown> | undefined]> } {
  const infos: Array<[string, Record<string, unknown> | undefined]> = []
  const log: Logger = {
    debug: () => {},
    info: (msg, fields) => void infos.push([msg, fields]),
    warn: () => {},
    error: () => {},
    child: () => log,
  }
  return Object.assign(log, { infos })
}

describe('housekeeping', () => {
  it('deletes a guest past its last possible use plus the ttl, keeps a used one and registered users', async () => {
    const store = new MemoryStore()
    const cutoff = guestCutoff(now, ttl)
    // the last possible use of a guest is its creation plus the token lifetime
    expect(cutoff).toBe(now - 30 * DAY - DAY - 60_000)
    const expired = guest(cutoff - 1)
    const used = guest(now - 30 * DAY) // its token lived until 29 days ago: used within the ttl
    const member: UserRow = { ...guest(0), guest: false, username: 'old-member', userId: 'u_member' }
    await store.insertUsers([expired, used, member], [])
    await store.createConversation(
      { conversationId: 'd_1', kind: 'direct', name: '', announcement: '', createdAt: 1 },
      [expired, member].map((u) => ({ conversationId: 'd_1', userId: u.userId, role: 'member', joinedAt: 1 })),
      [],
    )
    await store.revokeToken({ jti: 'expired-token', expiresAt: now - 1 })
    await store.revokeToken({ jti: 'live-token', expiresAt: now + DAY })
    const log = recordingLog()
    const [sweptBefore, prunedBefore] = [await counted(guestsSwept), await counted(revocationsPruned)]

    const job = new Housekeeping(store, log, { ...ttl, active: () => true })
    expect(await job.runOnce(now)).toEqual({ guests: 1, conversations: 1, revocations: 1, attachments: 0 })
    expect(await store.getUser({ userId: expired.userId })).toBeNull()
    expect(await store.getUser({ userId: used.userId })).not.toBeNull()
    expect(await store.getUser({ userId: member.userId })).not.toBeNull()
    expect(await store.getConversation('d_1')).toBeNull()
    expect(await store.revokedTokenIds(['live-token', 'expired-token'], 0)).toEqual(new Set(['live-token']))
    expect(log.infos).toEqual([
      [
        'housekeeping: expired guests, revoked tokens and orphan attachments removed',
        {
          guests: 1,
          conversations: 1,
          revocations: 1,
          attachments: 0,
          guestsCreatedBefore: new Date(cutoff).toISOString(),
        },
      ],
    ])
    expect(await counted(guestsSwept)).toBe(sweptBefore + 1)
    expect(await counted(revocationsPruned)).toBe(prunedBefore + 1)

    // nothing left to do: nothing logged
    expect(await job.runOnce(now)).toEqual({ guests: 0, conversations: 0, revocations: 0, attachments: 0 })
    expect(log.infos).toHaveLength(1)
    // a day later the used guest is still within the ttl; 31 days later it is not
    expect((await job.runOnce(now + DAY)).guests).toBe(0)
    expect((await job.runOnce(now + 31 * DAY)).guests).toBe(1)
  })

  it('sweeps in batches until no expired guest is left', async () => {
    const store = new MemoryStore()
    await store.insertUsers(
      Array.from({ length: SWEEP_BATCH + 3 }, () => guest(1_000)),
      [],
    )
    const job = new Housekeeping(store, recordingLog(), { ...ttl, active: () => true })
    expect((await job.runOnce(now)).guests).toBe(SWEEP_BATCH + 3)
  })

  it('keeps guests with guest_ttl_days 0, and sweeps nothing on a standby repo', async () => {
    const store = new MemoryStore()
    const old = guest(1_000)
    await store.insertUsers([old], [])
    await store.revokeToken({ jti: 'expired-token', expiresAt: 1 })
    const standby = new Housekeeping(store, recordingLog(), { ...ttl, active: () => false })
    expect(await standby.runOnce(now)).toEqual({ guests: 0, conversations: 0, revocations: 0, attachments: 0 })
    const forever = new Housekeeping(store, recordingLog(), { ...ttl, guestTtlDays: 0, active: () => true })
    expect(await forever.runOnce(now)).toEqual({ guests: 0, conversations: 0, revocations: 1, attachments: 0 })
    expect(await store.getUser({ userId: old.userId })).not.toBeNull()
  })

  it('deletes orphan attachments past upload_orphan_hours with their bytes and thumbnail; keeps recent ones', async () => {
    const store = new MemoryStore()
    const blobs = testBlobs()
    const HOUR = 3_600_000
    const add = async (createdAt: number, state: AttachmentRow['state']) => {
      const attachmentId = `att_${(n++).toString(16).padStart(32, '0')}`
      await store.attachments.createAttachment(
        {
          attachmentId,
          ownerId: 'u_owner',
          kind: 'image',
          mime: 'image/png',
          size: 3,
          name: '',
          sha256: '',
          width: null,
          height: null,
          durationMs: null,
          thumbnail: null,
          state,
          createdAt,
          expiresAt: createdAt + 300_000,
        },
        1e9,
        createdAt,
      )
      await blobs.put(blobKey(attachmentId), Buffer.from('png'))
      await blobs.put(thumbnailKey(attachmentId), Buffer.from('webp'))
      return attachmentId
    }
    const [neverCompleted, neverSent, recent] = [
      await add(now - 25 * HOUR, 'pending'),
      await add(now - 30 * HOUR, 'ready'),
      await add(now - 23 * HOUR, 'ready'),
    ]
    const before = await counted(attachmentsSwept)
    const off = new Housekeeping(store, recordingLog(), { ...ttl, orphanHours: 0, blobs, active: () => true })
    expect((await off.runOnce(now)).attachments).toBe(0)
    const job = new Housekeeping(store, recordingLog(), { ...ttl, orphanHours: 24, blobs, active: () => true })
    expect((await job.runOnce(now)).attachments).toBe(2)
    expect(await counted(attachmentsSwept)).toBe(before + 2)
    for (const id of [neverCompleted, neverSent]) {
      expect(await store.attachments.getAttachment(id)).toBeNull()
      expect(await blobs.stat(blobKey(id))).toBeNull()
      expect(await blobs.stat(thumbnailKey(id))).toBeNull()
    }
    expect(await store.attachments.getAttachment(recent)).not.toBeNull()
    expect(await blobs.stat(blobKey(recent))).toEqual({ size: 3 })
  })

  describe('between repos', () => {
    const started: StartedRepo[] = []
    afterEach(async () => {
      for (const r of started.splice(0)) await r.role.stop()
    })

    it('only the repo whose relay holds the outbox lease sweeps', async () => {
      const store = new MemoryStore()
      const bus = new MemoryBus({ defaultPartitions: 3 })
      for (let i = 0; i < 2; i++)
        started.push(
          await startRepo({
            cfg,
            bus,
            log: createLogger(),
            store,
            cache: new MemoryCache(),
            relay: { pollMs: 50 },
          }),
        )
      await waitUntil(() => started.some((r) => r.relay.state === 'active'), 5_000)
      await store.insertUsers([guest(1_000), guest(2_000)], [])
      const runs = await Promise.all(started.map((r) => r.housekeeping.runOnce()))
      expect(runs.map((r) => r.guests).sort()).toEqual([0, 2])
      const active = started.findIndex((r) => r.relay.state === 'active')
      expect(runs[active]!.guests).toBe(2)
    })
  })
})
