// logic's rules for records beyond text (services/logic/records.ts), against the real repo service on the
// in-memory store: who may edit, react, reply, mention and pin, what each refusal answers, and the events each
// record carries into repo's transaction.
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
import type { RepoApi } from '../../src/rpc/api.js'
import { startRepo } from '../repo/index.js'
import { createMessages } from './messages.js'

const defaults = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
const cfg: GochatConfig = { ...defaults, max_frame_bytes: 1024 }
const t = topics(cfg)
const EDIT_WINDOW_MS = 60_000

let repo: RepoApi
let messages: ReturnType<typeof createMessages>
let clock = Date.now()
/** the events of every StoreMessage call, as logic handed them to repo */
let stored: OutboxEvent[][] = []

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
    StoreMessage: (req) => {
      stored.push(req.events ?? [])
      return api.StoreMessage(req)
    },
  }
  messages = createMessages(
    { repo, topics: t },
    { maxContentBytes: cfg.max_frame_bytes, editWindowMs: EDIT_WINDOW_MS, nowMs: () => clock },
  )
})

const user = async () =>
  (await repo.CreateUser({ username: `u${randomUUID().slice(0, 8)}`, password_hash: 'x', display_name: 'U' })).user_id
/** a group of an admin and two members, and an outsider */
async function group() {
  const [admin, bob, cy, eve] = [await user(), await user(), await user(), await user()]
  const conv = (await repo.CreateGroup({ name: 'G', creator_id: admin, member_ids: [bob, cy] })).conversation_id
  return { admin, bob, cy, eve, conv }
}
const send = (conv: string, sender: string, content: string, more: Record<string, unknown> = {}) =>
  messages.SendMessage({
    conversation_id: conv,
    sender_user_id: sender,
    idempotency_key: randomUUID(),
    content,
    ...more,
  })
const sent = async (conv: string, sender: string, content = 'hello', more: Record<string, unknown> = {}) =>
  (await send(conv, sender, content, more)).message!
const envelopes = (events: OutboxEvent[]) =>
  events.map((e) => ({ topic: e.topic, ...(JSON.parse(Buffer.from(e.value as Buffer).toString()) as EventEnvelope) }))

describe('edits', () => {
  it('lets the sender edit within message_edit_window_seconds, with message.edited naming the target', async () => {
    const { admin, bob, conv } = await group()
    const m = await sent(conv, bob)
    stored = []
    const edit = await sent(conv, bob, 'hello again', { kind: 'edit', target_id: m.message_id })
    expect(edit).toMatchObject({ kind: 'edit', target_id: m.message_id, seq: 2 })
    expect(envelopes(stored[0]!)).toMatchObject([
      {
        topic: t.messageEvents,
        event_type: 'message.edited',
        conversation_id: conv,
        operator_id: bob,
        payload: { message_id: m.message_id, seq_id: 1, record_id: edit.message_id, content: 'hello again' },
      },
    ])
    const page = await messages.SyncMessages({ conversation_id: conv, actor_user_id: admin, after_sequence: 0 })
    expect(page.messages[0]).toMatchObject({ content: 'hello again', edit_count: 1, edit_seq: 2 })
  })

  it("refuses another's message, past the window, a recalled message and an empty text, storing nothing", async () => {
    const { admin, bob, conv } = await group()
    const m = await sent(conv, bob)
    stored = []
    const edit = (by: string, content = 'changed') => send(conv, by, content, { kind: 'edit', target_id: m.message_id })
    await expect(edit(admin)).rejects.toMatchObject({ code: 'not_sender' })
    await expect(edit(bob, ' ')).rejects.toMatchObject({ code: 'bad_request' })
    await expect(send(conv, bob, 'x', { kind: 'edit' })).rejects.toMatchObject({ code: 'bad_request' })
    await expect(send(conv, bob, 'x', { kind: 'shout' })).rejects.toMatchObject({ code: 'bad_request' })
    clock = Date.now() + EDIT_WINDOW_MS + 1_000
    await expect(edit(bob)).rejects.toMatchObject({ code: 'forbidden' })
    clock = Date.now()
    await messages.DeleteMessage({ conversation_id: conv, message_id: m.message_id, actor_user_id: bob, hard: false })
    await expect(edit(bob)).rejects.toMatchObject({ code: 'conflict' })
    expect(stored).toEqual([])
  })
})

describe('reactions', () => {
  it('takes one emoji from members, refusing a 10 KB string, a non-emoji and non-members', async () => {
    const { bob, cy, eve, conv } = await group()
    const m = await sent(conv, bob)
    const react = (by: string, emoji: string) => send(conv, by, emoji, { kind: 'reaction', target_id: m.message_id })
    await expect(react(cy, 'x'.repeat(10_240))).rejects.toMatchObject({ code: 'too_large' })
    await expect(react(cy, 'lol')).rejects.toMatchObject({ code: 'bad_request' })
    await expect(react(cy, '👍👍')).rejects.toMatchObject({ code: 'bad_request' })
    await expect(react(eve, '👍')).rejects.toMatchObject({ code: 'not_member' })
    stored = []
    await react(cy, '👍🏽')
    expect(envelopes(stored[0]!)[0]).toMatchObject({ event_type: 'message.reacted', payload: { emoji: '👍🏽' } })
    await send(conv, cy, '', { kind: 'unreaction', target_id: m.message_id })
    const page = await messages.SyncMessages({ conversation_id: conv, actor_user_id: cy, after_sequence: 0 })
    expect(page.messages.map((x) => x.kind)).toEqual(['text', 'reaction', 'unreaction'])
    expect(page.messages[0]!.reactions).toEqual([])
  })
})

describe('replies and mentions', () => {
  it('replies within the conversation only, and shows the original', async () => {
    const { admin, bob, conv } = await group()
    const other = await group()
    const there = await sent(other.conv, other.bob)
    await expect(send(conv, bob, 'hi', { reply_to: there.message_id })).rejects.toMatchObject({ code: 'not_found' })
    const m = await sent(conv, admin, 'question?')
    const reply = await sent(conv, bob, 'answer', { reply_to: m.message_id })
    expect(reply.reply).toMatchObject({ message_id: m.message_id, sender_user_id: admin, snippet: 'question?' })
    await expect(
      send(conv, bob, '👍', { kind: 'reaction', target_id: m.message_id, reply_to: m.message_id }),
    ).rejects.toMatchObject({ code: 'bad_request' })
  })

  it('mentions members only, @all from group admins only, with message.mentioned on notifications', async () => {
    const { admin, bob, cy, eve, conv } = await group()
    await expect(sent(conv, bob, 'hey', { mentions: [eve] })).rejects.toMatchObject({ code: 'bad_request' })
    await expect(sent(conv, bob, 'all!', { mentions: ['@all'] })).rejects.toMatchObject({ code: 'not_admin' })
    stored = []
    const m = await sent(conv, bob, 'hey you', { mentions: [cy, bob] })
    expect(m.mentions).toEqual([cy, bob])
    // the sender mentioning themself gets no notification
    expect(envelopes(stored[0]!)).toMatchObject([
      {
        topic: t.notifications,
        event_type: 'message.mentioned',
        target_user_id: cy,
        payload: { message_id: m.message_id },
      },
    ])
    stored = []
    await sent(conv, admin, 'everyone', { mentions: ['@all'] })
    expect(envelopes(stored[0]!)).toMatchObject([
      { topic: t.notifications, event_type: 'message.mentioned', conversation_id: conv, operator_id: admin },
    ])
  })
})

describe('pins', () => {
  it('lets group admins pin and unpin, any member of a direct conversation, and lists the pins', async () => {
    const { admin, bob, conv } = await group()
    const m = await sent(conv, bob)
    await expect(send(conv, bob, '', { kind: 'pin', target_id: m.message_id })).rejects.toMatchObject({
      code: 'not_admin',
    })
    await expect(send(conv, admin, 'text', { kind: 'pin', target_id: m.message_id })).rejects.toMatchObject({
      code: 'bad_request',
    })
    const pin = await sent(conv, admin, '', { kind: 'pin', target_id: m.message_id })
    // the record stays in the stream: undone by unpin, never recalled or deleted
    await expect(
      messages.DeleteMessage({ conversation_id: conv, message_id: pin.message_id, actor_user_id: admin, hard: false }),
    ).rejects.toMatchObject({ code: 'bad_request' })
    const pins = await messages.ListPins({ conversation_id: conv, actor_user_id: bob })
    expect(pins.messages.map((p) => p.message_id)).toEqual([m.message_id])
    expect(pins.messages[0]!.pinned_at).toBeGreaterThan(0)

    const [x, y] = [await user(), await user()]
    const d = (await repo.EnsureDirectConversation({ user_a: x, user_b: y })).conversation!.conversation_id
    const dm = await sent(d, x)
    await send(d, y, '', { kind: 'pin', target_id: dm.message_id })
    await send(d, x, '', { kind: 'unpin', target_id: dm.message_id })
    expect((await messages.ListPins({ conversation_id: d, actor_user_id: x })).messages).toEqual([])
  })
})
