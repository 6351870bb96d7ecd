import { expect, it } from 'vitest'
import type { MessageKind } from '../../src/domain/message.js'
import { queryTerms } from '../../src/domain/search.js'
import type { MessageDraft, MessageRow, MessageSearch, StoreMessageHooks } from '../../src/ports/store.js'
import type { StoreFixture } from './store.contract.js'
import { createGroup, now, textDraft, uid, describeOnStore } from './store-suite.js'

export function messageSearchContract(driver: string, open: () => Promise<StoreFixture>): void {
  describeOnStore(`store contract, message search: ${driver}`, open, (store) => {
    const hooks: StoreMessageHooks = { outbox: () => [] }
    let clock = now
    const conversation = async (members: string[]) => (await createGroup(store, members)).conversationId
    const draft = (conversationId: string, senderId: string, over: Partial<MessageDraft> = {}) =>
      textDraft(conversationId, { senderId, content: '', sentAt: ++clock, ...over })
    const send = async (c: string, senderId: string, content: string, over: Partial<MessageDraft> = {}) =>
      (await store.storeMessage(draft(c, senderId, { content, ...over }), hooks)).message
    const op = (c: string, kind: MessageKind, target: MessageRow, content = '') =>
      send(c, target.senderId, content, { kind, targetId: target.messageId })
    const search = async (userId: string, query: string, over: Partial<MessageSearch> = {}) =>
      (await store.searchMessages({ userId, terms: queryTerms(query), limit: 50, ...over })).map((m) => m.content)

    it('finds English, Chinese and Japanese words, case-insensitively, in the user’s conversations only', async () => {
      const [ann, bob, eve] = [uid('ann'), uid('bob'), uid('eve')]
      const ours = await conversation([ann, bob])
      const theirs = await conversation([eve, bob])
      await send(ours, ann, 'Kafka keeps the log')
      await send(ours, bob, '这条消息很重要')
      await send(ours, ann, '東京都に住んでいます')
      await send(ours, bob, 'どうもありがとうございます')
      await send(ours, ann, 'nothing to see')
      await send(theirs, eve, 'kafka 消息 東京 ありがとう, not for ann')
      expect(await search(ann, 'kafka')).toEqual(['Kafka keeps the log'])
      expect(await search(ann, 'KAFKA log')).toEqual(['Kafka keeps the log'])
      expect(await search(ann, '消息')).toEqual(['这条消息很重要'])
      expect(await search(ann, '東京')).toEqual(['東京都に住んでいます'])
      expect(await search(ann, 'ありがとう')).toEqual(['どうもありがとうございます'])
      expect(await search(ann, '京')).toEqual(['東京都に住んでいます'])
      // every word is required, and a word is whole: "kafk" is not "kafka"
      expect(await search(ann, 'kafka nothing')).toEqual([])
      expect(await search(ann, 'kafk')).toEqual([])
      // eve's conversation is not ann's; bob is in both
      expect(await search(eve, 'kafka')).toEqual(['kafka 消息 東京 ありがとう, not for ann'])
      expect((await search(bob, 'kafka')).sort()).toEqual([
        'Kafka keeps the log',
        'kafka 消息 東京 ありがとう, not for ann',
      ])
      expect(await search(uid('stranger'), 'kafka')).toEqual([])
    })

    it('within one conversation when asked, and nothing from a conversation the user is not in', async () => {
      const [ann, bob] = [uid('ann'), uid('bob')]
      const one = await conversation([ann, bob])
      const two = await conversation([ann])
      const other = await conversation([bob])
      await send(one, ann, 'meeting at noon')
      await send(two, ann, 'meeting moved')
      await send(other, bob, 'secret meeting')
      expect(await search(ann, 'meeting', { conversationId: two })).toEqual(['meeting moved'])
      expect(await search(ann, 'meeting', { conversationId: other })).toEqual([])
      expect(await search(ann, 'meeting')).toEqual(['meeting moved', 'meeting at noon'])
    })

    it('leaves out recalled and deleted messages and operation records; finds an edited message by its current text', async () => {
      const ann = uid('ann')
      const c = await conversation([ann])
      const recalled = await send(c, ann, 'alpha recalled')
      const soft = await send(c, ann, 'alpha soft')
      const hard = await send(c, ann, 'alpha hard')
      await send(c, ann, 'alpha kept')
      await store.updateMessageStatus(c, recalled.messageId, { status: 'recalled', hard: false }, [])
      await store.updateMessageStatus(c, soft.messageId, { status: 'deleted', hard: false }, [])
      await store.updateMessageStatus(c, hard.messageId, { status: 'deleted', hard: true }, [])
      expect(await search(ann, 'alpha')).toEqual(['alpha kept'])
      const edited = await send(c, ann, 'bravo original wording')
      await op(c, 'edit', edited, 'bravo corrected wording')
      await op(c, 'reaction', edited, '👍')
      expect(await search(ann, 'original')).toEqual([])
      expect(await search(ann, 'corrected')).toEqual(['bravo corrected wording'])
      // the edit record itself (kind edit, content the new text) is not a hit: only the message it changed
      expect(await search(ann, 'bravo')).toEqual(['bravo corrected wording'])
    })

    it('searches full-text syntax as plain text: no error, no operator', async () => {
      const ann = uid('ann')
      const c = await conversation([ann])
      await send(c, ann, 'plus+minus -dash "quoted" star* NEAR(x y) OR content:zed ^caret')
      await send(c, ann, 'quoted only')
      for (const q of ['+plus', '-dash', '"quoted"', 'star*', 'NEAR(x', 'content:zed', '^caret', 'MATCH (x) AGAINST'])
        expect(Array.isArray(await search(ann, q)), q).toBe(true)
      expect(await search(ann, 'content:zed')).toEqual([
        'plus+minus -dash "quoted" star* NEAR(x y) OR content:zed ^caret',
      ])
      expect((await search(ann, '"quoted"')).length).toBe(2)
      // OR is a word here, not an operator: both words are required
      expect(await search(ann, 'only OR caret')).toEqual([])
      expect(await search(ann, 'the a an')).toEqual([])
    })

    it('pages newest first by the last hit’s position', async () => {
      const ann = uid('ann')
      const [c1, c2] = [await conversation([ann]), await conversation([ann])]
      for (let i = 0; i < 5; i++) await send(i % 2 ? c1 : c2, ann, `page item ${i}`)
      const all = await store.searchMessages({ userId: ann, terms: queryTerms('page'), limit: 50 })
      expect(all.map((m) => m.content)).toEqual([4, 3, 2, 1, 0].map((i) => `page item ${i}`))
      const first = await store.searchMessages({ userId: ann, terms: queryTerms('page'), limit: 2 })
      const last = first.at(-1)!
      const next = await store.searchMessages({ userId: ann, terms: queryTerms('page'), limit: 10, before: last })
      expect([...first, ...next].map((m) => m.messageId)).toEqual(all.map((m) => m.messageId))
    })

    it('indexes messages inserted with their seq (async persistence), edits among them applied', async () => {
      const ann = uid('ann')
      const c = await conversation([ann])
      const m: MessageRow = { ...draft(c, ann, { content: 'charlie asynchronous' }), seq: 1 }
      const e: MessageRow = {
        ...draft(c, ann, { kind: 'edit', targetId: m.messageId, content: 'charlie delta' }),
        seq: 2,
      }
      await store.insertMessages([m, e])
      expect(await search(ann, 'charlie')).toEqual(['charlie delta'])
      expect(await search(ann, 'asynchronous')).toEqual([])
    })
  })
}
