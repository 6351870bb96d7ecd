import { describe, expect, it } from 'vitest'
import { conversationNotification, messageEvent, notification, userEvent } from '../../src/contracts/events.js'
import type { DispatchMessage, DownstreamMessage, OfflinePush, TaskMessage } from '../../src/contracts/payloads.js'
import { decodeRecord, mentions, topicKind } from './decode.js'
import { auditEvent, auditRecord } from '../../src/contracts/audit.js'
import { textDefaults } from '../../src/domain/message.js'

const cfg = { topic_prefix: 'p', partitions: 3, replication_factor: 1, gateway_ids: ['gw-1'] }
const buf = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v))
const message = {
  messageId: 'm1',
  conversationId: 'c1',
  seq: 7,
  senderId: 'u_a',
  content: 'hi',
  sentAt: 1,
  status: 'normal' as const,
  ...textDefaults,
}

describe('topicKind', () => {
  it('knows catalog topics, downstream topics of any gateway id, and nothing else', () => {
    expect(topicKind(cfg, 'p.user-events')).toBe('userEvents')
    expect(topicKind(cfg, 'p.messages.dispatch')).toBe('dispatch')
    expect(topicKind(cfg, 'p.messages.downstream.gw-1')).toBe('downstream')
    expect(topicKind(cfg, 'p.messages.downstream.gw-99')).toBe('downstream')
    expect(topicKind(cfg, 'gochat.user-events')).toBeUndefined() // another prefix
    expect(topicKind(cfg, 'someone.elses.topic')).toBeUndefined()
  })
})

describe('decodeRecord', () => {
  it('decodes events: type, subject and the envelope', () => {
    const online = userEvent('user.online', 'u_a', { gateway_id: 'gw-1', last_seen: 1 })
    expect(decodeRecord(cfg, 'p.user-events', buf(online))).toEqual({
      type: 'user.online',
      subject: 'u_a',
      value: online,
    })
    const read = messageEvent('message.read', 'c1', 'u_b', { message_id: 'm1', seq_id: 3 })
    expect(decodeRecord(cfg, 'p.message-events', buf(read))).toMatchObject({
      type: 'message.read',
      subject: 'c1 by u_b',
    })
    const invited = notification('group.invited', 'u_c', { conversation_id: 'g1' })
    expect(decodeRecord(cfg, 'p.notifications', buf(invited))).toMatchObject({ type: 'group.invited', subject: 'u_c' })
  })

  it('decodes the events of message operations and mentions, and dispatch records of an operation', () => {
    const edited = messageEvent('message.edited', 'c1', 'u_a', { message_id: 'm1', seq_id: 1, content: 'fixed' })
    expect(decodeRecord(cfg, 'p.message-events', buf(edited))).toEqual({
      type: 'message.edited',
      subject: 'c1 by u_a',
      value: edited,
    })
    const all = conversationNotification('message.mentioned', 'c1', 'u_a', { message_id: 'm2' })
    expect(decodeRecord(cfg, 'p.notifications', buf(all))).toMatchObject({
      type: 'message.mentioned',
      subject: 'c1 by u_a',
    })
    const pin = { ...message, seq: 8, kind: 'pin', targetId: 'm1', content: '' }
    expect(
      decodeRecord(cfg, 'p.messages.dispatch', buf({ message: pin, conversationKind: 'group', memberCount: 3 })),
    ).toMatchObject({ type: 'dispatch', subject: 'c1#8', value: { message: { kind: 'pin', targetId: 'm1' } } })
    // a dispatch record from before message kinds decodes as plain text
    const { kind: _k, targetId: _t, replyTo: _r, mentions: _m, ...old } = message
    expect(
      decodeRecord(cfg, 'p.messages.dispatch', buf({ message: old, conversationKind: 'group', memberCount: 3 })),
    ).toMatchObject({ value: { message: { kind: 'text', mentions: [] } } })
  })

  it('decodes dispatch records of image, file and voice messages with their attachment', () => {
    const attachment = { attachmentId: 'att_1', mime: 'audio/ogg', size: 9, name: '', sha256: 'ab'.repeat(32) }
    const voice = { ...message, seq: 9, kind: 'voice', content: '', attachment: { ...attachment, durationMs: 12_000 } }
    expect(
      decodeRecord(cfg, 'p.messages.dispatch', buf({ message: voice, conversationKind: 'direct', memberCount: 2 })),
    ).toMatchObject({
      type: 'dispatch',
      // width and height default to 0: a descriptor without them (a voice) still decodes
      value: { message: { kind: 'voice', attachment: { ...attachment, durationMs: 12_000, width: 0, height: 0 } } },
    })
  })

  it('keeps unknown envelope fields and event types (consumers ignore them, tail shows them)', () => {
    const e = {
      event_id: '6f0c5c0e-3c1a-4b8e-9d51-4c1f0f0f7a11',
      event_type: 'user.renamed',
      timestamp: 1,
      user_id: 'u_a',
      payload: {},
      extra: true,
    }
    expect(decodeRecord(cfg, 'p.user-events', buf(e))).toEqual({ type: 'user.renamed', subject: 'u_a', value: e })
  })

  it('has an empty subject for an envelope without a subject field', () => {
    const e = { event_id: '6f0c5c0e-3c1a-4b8e-9d51-4c1f0f0f7a11', event_type: 'system.tick', timestamp: 1, payload: {} }
    expect(decodeRecord(cfg, 'p.user-events', buf(e)).subject).toBe('')
  })

  it('decodes audit events: the action, target and actor, and whom and which group they concern', () => {
    const banned = auditEvent({
      actor: 'u_admin',
      action: 'group.member.banned',
      target: 'u_b',
      details: { conversation_id: 'g1' },
    })
    const d = decodeRecord(cfg, 'p.audit', auditRecord(banned).value)
    expect(d).toEqual({ type: 'group.member.banned', subject: 'u_b by u_admin', value: banned })
    expect(mentions(d)).toEqual({ users: ['u_admin', 'u_b'], conversations: ['g1'] })
    const bad = decodeRecord(cfg, 'p.audit', buf({ action: 'x' }))
    expect(bad).toMatchObject({ type: 'audit', subject: '' })
    expect(bad.error).toBeTruthy()
  })

  it('reports an invalid envelope with the value as it is', () => {
    const d = decodeRecord(cfg, 'p.user-events', buf({ event_type: 'user.online', payload: {} }))
    expect(d).toMatchObject({ type: 'userEvents', subject: '', value: { event_type: 'user.online', payload: {} } })
    expect(d.error).toBeTruthy()
  })

  it('decodes internal payloads with their schema', () => {
    const dispatch: DispatchMessage = { message, conversationKind: 'direct', memberCount: 2 }
    expect(decodeRecord(cfg, 'p.messages.dispatch', buf(dispatch))).toEqual({
      type: 'dispatch',
      subject: 'c1#7',
      value: dispatch,
    })
    const down: DownstreamMessage = { conversationId: 'c1', seq: 7, userIds: ['u_a', 'u_b'], frame: '{"op":"message"}' }
    expect(decodeRecord(cfg, 'p.messages.downstream.gw-7', buf(down))).toMatchObject({
      type: 'downstream',
      subject: 'c1#7 → 2 users',
    })
    const push: OfflinePush = {
      pushId: 'x',
      userIds: ['u_b'],
      conversationId: 'c1',
      messageId: 'm1',
      seq: 7,
      senderId: 'u_a',
      preview: 'hi',
      sentAt: 1,
    }
    expect(decodeRecord(cfg, 'p.notifications.push', buf(push))).toMatchObject({
      type: 'push',
      subject: 'c1#7 → 1 offline',
    })
    const task: TaskMessage = {
      taskId: 't',
      taskType: 'push',
      originalTopic: 'p.notifications.push',
      key: null,
      attempt: 2,
      notBefore: 0,
      payload: '{}',
      payloadEncoding: 'utf8',
      lastError: 'HTTP 500',
    }
    expect(decodeRecord(cfg, 'p.tasks.dlq', buf(task))).toMatchObject({
      type: 'dlq',
      subject: 'push attempt 2: HTTP 500',
    })
    expect(decodeRecord(cfg, 'p.messages.dispatch', buf({ message: { seq: 'x' } }))).toMatchObject({
      type: 'dispatch',
      error: expect.any(String),
    })
  })

  it('shows JSON of unknown topics as JSON, text as text, other bytes as base64', () => {
    expect(decodeRecord(cfg, 'other', buf({ a: 1 }))).toEqual({ type: 'json', subject: '', value: { a: 1 } })
    expect(decodeRecord(cfg, 'p.user-events', buf('hello {'))).toEqual({
      type: 'raw',
      subject: '',
      value: 'hello {',
      error: 'not JSON',
    })
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x01])
    expect(decodeRecord(cfg, 'other', bytes)).toEqual({
      type: 'raw',
      subject: '',
      value: bytes.toString('base64'),
      error: 'not JSON',
    })
    expect(decodeRecord(cfg, 'p.user-events', null)).toEqual({
      type: 'raw',
      subject: '',
      value: null,
      error: 'not JSON',
    })
  })
})

describe('mentions', () => {
  it('collects the users and conversations a record concerns', () => {
    const read = decodeRecord(
      cfg,
      'p.message-events',
      buf(messageEvent('message.read', 'c1', 'u_b', { message_id: 'm1', seq_id: 3 })),
    )
    expect(mentions(read)).toEqual({ users: ['u_b'], conversations: ['c1'] })
    const invited = decodeRecord(
      cfg,
      'p.notifications',
      buf(notification('group.invited', 'u_c', { conversation_id: 'g1' })),
    )
    expect(mentions(invited)).toEqual({ users: ['u_c'], conversations: [] })
    const dispatch = decodeRecord(
      cfg,
      'p.messages.dispatch',
      buf({ message, conversationKind: 'group', memberCount: 3 }),
    )
    expect(mentions(dispatch)).toEqual({ users: ['u_a'], conversations: ['c1'] })
    const down = decodeRecord(
      cfg,
      'p.messages.downstream.gw-1',
      buf({ conversationId: 'c2', userIds: ['u_x', 'u_y'], frame: '{}' }),
    )
    expect(mentions(down)).toEqual({ users: ['u_x', 'u_y'], conversations: ['c2'] })
    expect(mentions(decodeRecord(cfg, 'other', buf('not json')))).toEqual({ users: [], conversations: [] })
  })
})
