// The authorization rules of logic for messages (send, sync, read, recall, delete), and the events it hands to
// repo, against the real repo service on the in-memory store and cache (test/helpers/logic-authorization.ts).
import { describe, expect, it } from 'vitest'
import { RECALL_WINDOW_MS, SYNC_MAX_PAGE } from './messages.js'
import {
  setClock,
  resetCalls,
  calls,
  cfg,
  direct,
  eventsOf,
  group,
  logic,
  messages,
  send,
  setUpLogic,
  t,
  user,
} from '../../test/helpers/logic-authorization.js'

setUpLogic()

describe('messages', () => {
  it("stores a member's message and answers a repeated idempotency key with the first result", async () => {
    const { a, conv } = await direct()
    const first = await send(conv, a, 'hello', 'key-1')
    expect(first).toEqual({
      duplicate: false,
      message: expect.objectContaining({
        conversation_id: conv,
        seq: 1,
        sender_user_id: a,
        content: 'hello',
        status: 'normal',
      }),
    })
    const again = await send(conv, a, 'hello', 'key-1')
    expect(again).toMatchObject({ duplicate: true, message: { message_id: first.message!.message_id, seq: 1 } })
  })

  it('refuses empty, oversized and keyless messages', async () => {
    const { a, conv } = await direct()
    await expect(send(conv, a, '  \n')).rejects.toMatchObject({ code: 'bad_request' })
    await expect(send(conv, a, 'é'.repeat(cfg.max_frame_bytes / 2 + 1))).rejects.toMatchObject({ code: 'too_large' })
    await expect(send(conv, a, 'x', '')).rejects.toMatchObject({ code: 'bad_request' })
    expect((await send(conv, a, 'a'.repeat(cfg.max_frame_bytes))).message?.seq).toBe(1)
  })

  it('refuses send, sync and read to non-members', async () => {
    const { a, conv } = await direct()
    await send(conv, a)
    const eve = await user()
    resetCalls()
    await expect(send(conv, eve)).rejects.toMatchObject({ code: 'not_member' })
    await expect(
      messages.SyncMessages({ conversation_id: conv, actor_user_id: eve, after_sequence: 0 }),
    ).rejects.toMatchObject({ code: 'not_member' })
    await expect(messages.MarkRead({ user_id: eve, conversation_id: conv, seq: 1 })).rejects.toMatchObject({
      code: 'not_member',
    })
    await expect(send('d_no_such_conversation', eve)).rejects.toMatchObject({ code: 'not_member' })
    expect(calls.map((c) => c.method).filter((m) => m !== 'GetMember')).toEqual([])
  })

  it('syncs pages of 50 by default and at most 200', async () => {
    const { a, b, conv } = await direct()
    for (let i = 0; i < 230; i++) await send(conv, a, `m${i}`)
    const page = await messages.SyncMessages({ conversation_id: conv, actor_user_id: b, after_sequence: 0 })
    expect(page.messages.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    expect(page.has_more).toBe(true)
    const big = await messages.SyncMessages({
      conversation_id: conv,
      actor_user_id: b,
      after_sequence: 10,
      page_size: 1000,
    })
    expect(big.messages).toHaveLength(SYNC_MAX_PAGE)
    expect(big.messages[0]!.seq).toBe(11)
    const tail = await messages.SyncMessages({
      conversation_id: conv,
      actor_user_id: b,
      after_sequence: 210,
      page_size: 100,
    })
    expect(tail).toMatchObject({ has_more: false })
    expect(tail.messages).toHaveLength(20)
  })

  it('lets only the sender recall, within the recall window, with message.recalled', async () => {
    const { a, b, conv } = await direct()
    const { message } = await send(conv, a, 'oops')
    const id = message!.message_id
    await expect(messages.RecallMessage({ user_id: b, conversation_id: conv, message_id: id })).rejects.toMatchObject({
      code: 'not_sender',
    })
    await expect(
      messages.RecallMessage({ user_id: await user(), conversation_id: conv, message_id: id }),
    ).rejects.toMatchObject({ code: 'not_member' })
    await messages.RecallMessage({ user_id: a, conversation_id: conv, message_id: id })
    expect(eventsOf('UpdateMessageStatus')).toEqual([
      {
        topic: t.messageEvents,
        key: conv,
        event: expect.objectContaining({
          event_type: 'message.recalled',
          conversation_id: conv,
          operator_id: a,
          payload: { message_id: id, seq_id: 1 },
        }),
      },
    ])
    const synced = await messages.SyncMessages({ conversation_id: conv, actor_user_id: b, after_sequence: 0 })
    expect(synced.messages[0]).toMatchObject({ status: 'recalled', content: '' })

    const late = await send(conv, a, 'too late')
    setClock(Date.now() + RECALL_WINDOW_MS + 1000)
    try {
      await expect(
        messages.RecallMessage({ user_id: a, conversation_id: conv, message_id: late.message!.message_id }),
      ).rejects.toMatchObject({ code: 'forbidden' })
    } finally {
      setClock(Date.now())
    }
  })

  it('lets the sender or a group admin delete, soft or hard, with message.deleted', async () => {
    const { admin, members, conv } = await group(2)
    const [m1, m2] = members as [string, string]
    const a = await send(conv, m1, 'first')
    const b = await send(conv, m1, 'second')
    await expect(
      messages.DeleteMessage({ conversation_id: conv, message_id: a.message!.message_id, actor_user_id: m2 }),
    ).rejects.toMatchObject({ code: 'forbidden' })
    await messages.DeleteMessage({ conversation_id: conv, message_id: a.message!.message_id, actor_user_id: m1 })
    expect(eventsOf('UpdateMessageStatus')[0]!.event).toMatchObject({
      event_type: 'message.deleted',
      operator_id: m1,
      payload: { message_id: a.message!.message_id, seq_id: 1, hard: false },
    })
    await messages.DeleteMessage({
      conversation_id: conv,
      message_id: b.message!.message_id,
      actor_user_id: admin,
      hard: true,
    })
    expect(eventsOf('UpdateMessageStatus')[0]!.event).toMatchObject({
      operator_id: admin,
      payload: { seq_id: 2, hard: true },
    })
    await expect(
      messages.DeleteMessage({ conversation_id: conv, message_id: 'm_nothing', actor_user_id: admin }),
    ).rejects.toMatchObject({ code: 'not_found' })
    const c = await send(conv, m2, 'third')
    const page = await messages.SyncMessages({ conversation_id: conv, actor_user_id: m2, after_sequence: 0 })
    expect(page.messages.map((m) => m.seq)).toEqual([c.message!.seq]) // deleted messages leave gaps
    await messages.MarkRead({ user_id: m2, conversation_id: conv, seq: 2 }) // a deleted seq can still be read up to
  })

  it('lets a direct-conversation member delete only their own messages', async () => {
    const { a, b, conv } = await direct()
    const { message } = await send(conv, a)
    await expect(
      messages.DeleteMessage({ conversation_id: conv, message_id: message!.message_id, actor_user_id: b }),
    ).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('marks read with message.read, and refuses a seq beyond the last message', async () => {
    const { a, b, conv } = await direct()
    const { message } = await send(conv, a)
    await expect(messages.MarkRead({ user_id: b, conversation_id: conv, seq: 2 })).rejects.toMatchObject({
      code: 'bad_request',
    })
    await expect(messages.MarkRead({ user_id: b, conversation_id: conv, seq: 0 })).rejects.toMatchObject({
      code: 'bad_request',
    })
    await messages.MarkRead({ user_id: b, conversation_id: conv, seq: 1 })
    expect(eventsOf('SetReadSeq')).toEqual([
      {
        topic: t.messageEvents,
        key: conv,
        event: expect.objectContaining({
          event_type: 'message.read',
          conversation_id: conv,
          operator_id: b,
          payload: { message_id: message!.message_id, seq_id: 1 },
        }),
      },
    ])
    const list = await logic.ListConversations({ user_id: b })
    expect(list.conversations).toContainEqual(
      expect.objectContaining({
        conversation_id: conv,
        kind: 'direct',
        name: '',
        last_seq: 1,
        read_seq: 1,
        role: 'member',
        peer_user_id: a,
      }),
    )
  })
})
