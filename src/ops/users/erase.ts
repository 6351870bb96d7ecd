// `gochat users erase`: a user's content hard-deleted, the account kept as a tombstone sender.
//
// Order matters: (1) every token of the user is revoked at once (userRevocationId, in the store and the cache
// copy), so sends are refused from the next check, and announced (user.tokens.revoked) so their sockets close; (2) every record they sent becomes a tombstone (as retention
// makes them: seq, id, sender and time stay, so the others' history stays gap-free) and the attachments no record
// carries any more are released with their blobs; (3) they leave every group (last-admin rule: the oldest member is
// promoted); (4) a second pass after the gateways' token caches have rechecked (REVOCATION_CHECK_MS) catches what
// was sent meanwhile, and passes repeat until one finds nothing; (5) last, the account becomes the tombstone
// (username freed, password unusable, "Deleted user"): an erase that stopped half-way is finished by running again,
// and only a complete one answers "already erased".
import { releaseAttachment } from '../../attachments/blobs.js'
import { cacheRevocation, revocationExpiry, userRevocationId } from '../../auth/revocation.js'
import { oldestMember } from '../../ports/last-admin.js'
import type { BlobStore } from '../../ports/blobs.js'
import type { Cache } from '../../ports/cache.js'
import type { SentCursor } from '../../ports/retention.js'
import {
  ERASED_PASSWORD_HASH,
  type Member,
  type OutboxRecord,
  type RevocationRow,
  type Store,
  type UserRow,
} from '../../ports/store.js'
import { eventKey, userEvent } from '../../contracts/events.js'
import { sentByPages } from './target.js'

export const ERASED_DISPLAY_NAME = 'Deleted user'
/** longer than a gateway's token cache goes without rechecking a token (services/gateway/token-cache.ts) */
const SETTLE_MS = 2_500

export interface ErasePlan {
  userId: string
  alreadyErased: boolean
  /** records they sent that still carry content (not yet tombstones) */
  messages: number
  attachments: number
  /** groups they would leave, and those where another member becomes admin */
  groups: number
  promotions: number
  directConversations: number
}

export interface EraseOutcome extends ErasePlan {
  erased: { messages: number; attachments: number; groupsLeft: number; passes: number }
  /** attachments whose bytes could not be deleted (logged): ids */
  blobFailures: string[]
}

export interface EraseDeps {
  store: Store
  /** where user.tokens.revoked goes (the deployment's gochat.user-events) */
  userEventsTopic: string
  /** the deployment's revocation cache copy (Redis), when it has one */
  cache: Cache | null
  blobs: Pick<BlobStore, 'delete'>
  tokenTtlSeconds: number
  sleep?: (ms: number) => Promise<void>
}

const isErased = (u: UserRow) => u.passwordHash === ERASED_PASSWORD_HASH

/** The outbox record of user.tokens.revoked: the user's sockets are closed, the revocation copied to the cache. */
function tokensRevokedRecord(topic: string, userId: string, r: RevocationRow): OutboxRecord {
  const event = userEvent('user.tokens.revoked', userId, {
    revocation_id: r.jti,
    expires_at: r.expiresAt,
    reason: 'erased',
  })
  return {
    topic,
    key: eventKey(event),
    value: Buffer.from(JSON.stringify(event)),
    headers: { 'gochat-event-type': event.event_type },
  }
}

async function allMembers(store: Store, conversationId: string): Promise<Member[]> {
  const out: Member[] = []
  for (let after = ''; ; ) {
    const page = await store.listMembers(conversationId, after, 1000)
    out.push(...page)
    if (page.length < 1000) return out
    after = page.at(-1)!.userId
  }
}

/** the member to promote when the user is a group's last admin, else undefined */
async function successor(store: Store, conversationId: string, userId: string): Promise<string | undefined> {
  const others = (await allMembers(store, conversationId)).filter((m) => m.userId !== userId)
  if (others.some((m) => m.role === 'admin')) return undefined
  return oldestMember(others)?.userId
}

export async function planErase(store: Store, user: UserRow): Promise<ErasePlan> {
  let messages = 0
  let attachments = 0
  for await (const page of sentByPages(store, user.userId))
    for (const m of page) {
      if (m.kind === 'expired') continue
      messages++
      if (m.attachment) attachments++
    }
  const conversations = await store.listUserConversations(user.userId)
  const groups = conversations.filter((c) => c.conversation.kind === 'group')
  let promotions = 0
  for (const g of groups)
    if (g.role === 'admin' && (await successor(store, g.conversation.conversationId, user.userId))) promotions++
  return {
    userId: user.userId,
    alreadyErased: isErased(user),
    messages,
    attachments,
    groups: groups.length,
    promotions,
    directConversations: conversations.length - groups.length,
  }
}

async function erasePass(d: EraseDeps, userId: string, out: EraseOutcome): Promise<number> {
  let n = 0
  for await (const page of sentByPages(d.store, userId)) {
    const keys: SentCursor[] = page
      .filter((m) => m.kind !== 'expired')
      .map((m) => ({ conversationId: m.conversationId, seq: m.seq }))
    if (keys.length === 0) continue
    const erased = await d.store.retention.eraseSent(userId, keys)
    n += erased.length
    for (const e of erased) {
      if (!e.attachmentId) continue
      try {
        const released = await releaseAttachment(
          { release: (id) => d.store.attachments.releaseAttachment(id), blobs: d.blobs },
          e.attachmentId,
        )
        if (released) out.erased.attachments++
      } catch {
        out.blobFailures.push(e.attachmentId)
      }
    }
  }
  out.erased.messages += n
  out.erased.passes++
  return n
}

export async function executeErase(d: EraseDeps, user: UserRow): Promise<EraseOutcome> {
  const plan = await planErase(d.store, user)
  const out: EraseOutcome = {
    ...plan,
    erased: { messages: 0, attachments: 0, groupsLeft: 0, passes: 0 },
    blobFailures: [],
  }
  if (plan.alreadyErased) return out
  const sleep = d.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  // (1) every token of theirs: kept as long as a token issued now could live
  const revocation = {
    jti: userRevocationId(user.userId),
    expiresAt: revocationExpiry(Math.floor(Date.now() / 1000) + d.tokenTtlSeconds),
  }
  await d.store.revokeToken(revocation)
  if (d.cache) await cacheRevocation(d.cache, revocation)
  // announced on user-events through the outbox (the running deployment's relay publishes it, embedded bus or
  // Kafka): every gateway holding a socket of theirs closes it at once, not at its next heartbeat's recheck
  await d.store.appendOutbox([tokensRevokedRecord(d.userEventsTopic, user.userId, revocation)])
  // (2)
  await erasePass(d, user.userId, out)
  // (3)
  for (const c of await d.store.listUserConversations(user.userId)) {
    if (c.conversation.kind !== 'group') continue
    const id = c.conversation.conversationId
    const promote = c.role === 'admin' ? await successor(d.store, id, user.userId) : undefined
    if (await d.store.removeMember(id, user.userId, [], promote)) out.erased.groupsLeft++
  }
  // (4) what was in flight when the revocation was written
  await sleep(SETTLE_MS)
  while ((await erasePass(d, user.userId, out)) > 0) await sleep(SETTLE_MS)
  // (5)
  await d.store.updateUser(user.userId, { displayName: ERASED_DISPLAY_NAME, discoverable: false, erase: true }, [])
  return out
}
