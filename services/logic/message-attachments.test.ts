// Image, file and voice messages in logic (message-attachments.ts, records.ts, uploads.ts mayDownload), against the
// real repo service on the in-memory store: the attachment a send names must be the sender's, completed and of the
// message's kind; the descriptor comes from the store; each refusal stores nothing; downloads follow membership.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import type { EventEnvelope } from '../../src/contracts/events.js'
import type { OutboxEvent } from '../../src/contracts/generated/gochat/repo/v1/OutboxEvent.js'
import { topics } from '../../src/contracts/topics.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger } from '../../src/observability/log.js'
import type { AttachmentKind } from '../../src/ports/attachments.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { startRepo } from '../repo/index.js'
import { createMessages } from './messages.js'
import { mayDownload } from './uploads.js'

const defaults = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const cfg: GochatConfig = { ...defaults, max_frame_bytes: 1024 }
const t = topics(cfg)

let repo: RepoApi
let messages: ReturnType<typeof createMessages>
/** the events of every UpdateMessageStatus call */
let statusEvents: OutboxEvent[][] = []

beforeAll(async () => {
  const { api } = await startRepo({
    cfg,
    bus: new MemoryBus({ defaultPartitions: 1 }),
    log: createLogger(),
    store: new MemoryStore(),
    cache: new MemoryCache(),
  })
  repo = {
    ...api,
    UpdateMessageStatus: (req) => {
      statusEvents.push(req.events ?? [])
      return api.UpdateMessageStatus(req)
    },
  }
  messages = createMessages({ repo, topics: t }, { maxContentBytes: cfg.max_frame_bytes, editWindowMs: 60_000 })
})

const user = async () =>
  (await repo.CreateUser({ username: `u${randomUUID().slice(0, 8)}`, password_hash: 'x', display_name: 'U' })).user_id
async function group() {
  const [ann, bob, eve] = [await user(), await user(), await user()]
  const conv = (await repo.CreateGroup({ name: 'G', creator_id: ann, member_ids: [bob] })).conversation_id
  return { ann, bob, eve, conv }
}

const facts = {
  image: { mime: 'image/png', width: 640, height: 480, duration_ms: 0 },
  file: { mime: 'application/pdf', width: 0, height: 0, duration_ms: 0 },
  voice: { mime: 'audio/ogg', width: 0, height: 0, duration_ms: 12_000 },
}

/** an attachment of `owner`'s as uploads leave it: pending, or completed with what its bytes turned out to be */
async function attachment(owner: string, kind: AttachmentKind = 'image', ready = true) {
  const attachmentId = `att_${randomUUID().replaceAll('-', '')}`
  const at = Date.now()
  await repo.CreateAttachment({
    attachment: {
      attachment_id: attachmentId,
      owner_id: owner,
      kind,
      mime: facts[kind].mime,
      size: 100,
      name: `${kind}.bin`,
      created_at: at,
      expires_at: at + 60_000,
    },
    quota_bytes: 1_000_000,
    now: at,
  })
  if (ready)
    await repo.CompleteAttachment({ attachment_id: attachmentId, size: 100, sha256: 'cd'.repeat(32), ...facts[kind] })
  return attachmentId
}

const send = (conv: string, sender: string, more: Record<string, unknown>, content = '') =>
  messages.SendMessage({
    conversation_id: conv,
    sender_user_id: sender,
    idempotency_key: randomUUID(),
    content,
    ...more,
  })
const lastSeq = async (conv: string) => (await repo.GetConversation({ conversation_id: conv })).last_seq
const attachmentRow = async (id: string) => repo.GetAttachment({ attachment_id: id })

describe('sending an image, file or voice message', () => {
  it('fills the descriptor from the attachment store, whatever kind, with an optional caption and a reply', async () => {
    const { ann, bob, conv } = await group()
    for (const kind of ['image', 'file', 'voice'] as const) {
      const id = await attachment(ann, kind)
      const m = (await send(conv, ann, { kind, attachment_id: id }, kind === 'image' ? 'look' : '')).message!
      expect(m).toMatchObject({
        kind,
        content: kind === 'image' ? 'look' : '',
        attachment: {
          attachment_id: id,
          mime: facts[kind].mime,
          size: 100,
          name: `${kind}.bin`,
          sha256: 'cd'.repeat(32),
          width: facts[kind].width,
          height: facts[kind].height,
          duration_ms: facts[kind].duration_ms,
        },
      })
      // sync shows it to the other member as it was sent
      const page = await messages.SyncMessages({ conversation_id: conv, actor_user_id: bob, after_sequence: m.seq - 1 })
      expect(page.messages[0]?.attachment).toEqual(m.attachment)
    }
    const first = (await messages.SyncMessages({ conversation_id: conv, actor_user_id: bob })).messages[0]!
    const reply = await send(conv, ann, {
      kind: 'file',
      attachment_id: await attachment(ann, 'file'),
      reply_to: first.message_id,
    })
    expect(reply.message).toMatchObject({ kind: 'file', reply_to: first.message_id })
  })

  it('refuses a missing, unknown, another user’s, incomplete or other-kind attachment, and writes nothing', async () => {
    const { ann, bob, conv } = await group()
    const text = (await send(conv, ann, {}, 'hello')).message!
    const before = await lastSeq(conv)
    const bobs = await attachment(bob)
    const pending = await attachment(ann, 'image', false)
    const file = await attachment(ann, 'file')
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ kind: 'image' }, 'bad_request', 'attachmentId is required'],
      [{ kind: 'image', attachment_id: 'att_nope' }, 'not_found', 'no attachment'],
      [{ kind: 'image', attachment_id: bobs }, 'not_found', 'no attachment'],
      [{ kind: 'image', attachment_id: pending }, 'upload_incomplete', 'not completed'],
      [{ kind: 'image', attachment_id: file }, 'bad_request', 'is a file, not a image'],
      [{ kind: 'voice', attachment_id: file }, 'bad_request', 'is a file, not a voice'],
      [{ attachment_id: file }, 'bad_request', 'a text carries no attachment'],
      [{ kind: 'pin', target_id: text.message_id, attachment_id: file }, 'bad_request', 'a pin carries no attachment'],
      [{ kind: 'system' }, 'bad_request', 'written by gochat'],
    ]
    for (const [more, code, message] of cases)
      await expect(send(conv, ann, more, more.kind ? '' : 'hi'), JSON.stringify(more)).rejects.toMatchObject({
        code,
        message: expect.stringContaining(message),
      })
    expect(await lastSeq(conv)).toBe(before)
    // the refused attachments are untouched: still there, as they were
    expect(await attachmentRow(pending)).toMatchObject({ state: 'pending' })
    expect(await attachmentRow(bobs)).toMatchObject({ state: 'ready', owner_id: bob })
  })

  it('refuses a caption larger than max_frame_bytes, and a non-member’s send', async () => {
    const { ann, eve, conv } = await group()
    const id = await attachment(ann)
    await expect(send(conv, ann, { kind: 'image', attachment_id: id }, 'x'.repeat(2000))).rejects.toMatchObject({
      code: 'too_large',
    })
    const eves = await attachment(eve)
    await expect(send(conv, eve, { kind: 'image', attachment_id: eves })).rejects.toMatchObject({ code: 'not_member' })
  })

  it('lets the uploader send one attachment again, in another conversation: both are then shown it', async () => {
    const { ann, bob, conv } = await group()
    const cy = await user()
    const id = await attachment(ann)
    await send(conv, ann, { kind: 'image', attachment_id: id })
    const a = await attachmentRow(id)
    expect(await mayDownload(repo, bob, a)).toBe(true)
    expect(await mayDownload(repo, cy, a)).toBe(false)
    const direct = (await repo.EnsureDirectConversation({ user_a: ann, user_b: cy })).conversation!.conversation_id
    await send(direct, ann, { kind: 'image', attachment_id: id })
    expect(await mayDownload(repo, cy, a)).toBe(true)
  })
})

describe('who may download (mayDownload)', () => {
  it('is the uploader, and the members of a conversation it was sent in until the message is recalled', async () => {
    const { ann, bob, eve, conv } = await group()
    const id = await attachment(ann)
    const a = await attachmentRow(id)
    // not sent yet: its uploader only
    expect(await mayDownload(repo, ann, a)).toBe(true)
    expect(await mayDownload(repo, bob, a)).toBe(false)
    const m = (await send(conv, ann, { kind: 'image', attachment_id: id })).message!
    expect(await mayDownload(repo, bob, a)).toBe(true)
    expect(await mayDownload(repo, eve, a)).toBe(false)
    statusEvents = []
    await messages.RecallMessage({ user_id: ann, conversation_id: conv, message_id: m.message_id })
    expect(await mayDownload(repo, bob, a)).toBe(false)
    expect(await mayDownload(repo, ann, a)).toBe(true)
    // the recall event names the attachment (for whoever cleans up blobs), and sync hides it
    const [event] = statusEvents[0]!.map((e) => JSON.parse(Buffer.from(e.value as Buffer).toString()) as EventEnvelope)
    expect(event).toMatchObject({ event_type: 'message.recalled', payload: { attachment_id: id } })
    const page = await messages.SyncMessages({ conversation_id: conv, actor_user_id: bob })
    expect(page.messages.at(-1)).toMatchObject({ status: 'recalled', content: '', attachment: null })
  })
})
