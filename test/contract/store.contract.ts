// The store port's contract: every driver passes the same suite (src/drivers/memory/store.test.ts,
// src/drivers/sqlite/store.test.ts, test/integration/mysql-store.test.ts). The cases live by concern in
// test/contract/store-*.contract.ts; they share one store, so each uses ids and outbox topics of its own.
import { afterAll, beforeAll, describe } from 'vitest'
import type { Store } from '../../src/ports/store.js'
import { attachmentCases } from './attachments.contract.js'
import { conversationCases } from './store-conversations.contract.js'
import { guestModerationCases } from './store-guest-moderation.contract.js'
import { guestExpiryCases } from './store-guests.contract.js'
import { invitationCases } from './store-invitations.contract.js'
import { messageCases, readCursorCases } from './store-messages.contract.js'
import { outboxCases } from './store-outbox.contract.js'
import { revocationCases } from './store-revocations.contract.js'
import { type StoreFixture, lateStore } from './store-suite.js'
import { friendRequestCases, userCases } from './store-users.contract.js'

export type { StoreFixture } from './store-suite.js'

export function storeContract(driver: string, open: () => Promise<StoreFixture>): void {
  describe(`store contract: ${driver}`, () => {
    let fx: StoreFixture | undefined
    beforeAll(async () => {
      fx = await open()
    })
    afterAll(async () => {
      await fx?.cleanup()
    })
    const store: Store = lateStore(() => {
      if (!fx) throw new Error('the store is not open yet')
      return fx.store
    })

    describe('users', () => userCases(store))
    describe('conversations and members', () => conversationCases(store))
    describe('attachments', () => attachmentCases(() => store))
    describe('group invitations and the last admin', () => invitationCases(store))
    describe('messages', () => messageCases(store))
    describe('read cursors', () => readCursorCases(store))
    describe('friend requests', () => friendRequestCases(store))
    describe('revoked tokens', () => revocationCases(store))
    describe('guest expiry', () => guestExpiryCases(store))
    describe('guest expiry and moderation', () => guestModerationCases(store))
    describe('outbox', () => outboxCases(store))
  })
}
