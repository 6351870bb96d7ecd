// Group members: add, remove, look up, page through (cached for the fanout of large groups), and locate on
// the gateways they are connected to.
import { AppError } from '../../src/core/errors.js'
import type { MemberRole, Member, OutboxRecord } from '../../src/ports/store.js'
import { byGateway } from '../../src/presence/presence.js'
import type { RepoApi } from '../../src/rpc/api.js'
import { committer, id, type RepoServiceDeps } from './deps.js'
import { int, memberOut, outboxOf, required, str } from './wire.js'

const MEMBER_PAGE_DEFAULT = 100
const MEMBER_PAGE_MAX = 10_000

function role(v: string | null | undefined): MemberRole {
  const r = v || 'member'
  if (r !== 'admin' && r !== 'member') throw new AppError('bad_request', `role must be "admin" or "member", not "${r}"`)
  return r
}

export function memberHandlers(
  deps: RepoServiceDeps,
): Pick<RepoApi, 'AddMembers' | 'RemoveMember' | 'GetMember' | 'ListMembers' | 'LocateMembers'> {
  const { store, presence, memberPages } = deps
  const committed = committer(deps)

  /** A page of members by user id cursor (cached for the fanout of large groups); `more`: a next page exists. */
  async function memberPage(req: {
    conversation_id?: string
    after_user_id?: string
    limit?: number
  }): Promise<{ members: Member[]; more: boolean }> {
    const conversationId = required(req.conversation_id, 'conversation_id')
    const after = str(req.after_user_id)
    const limit = Math.min(int(req.limit) || MEMBER_PAGE_DEFAULT, MEMBER_PAGE_MAX)
    // one more than asked tells whether there is a next page
    const rows = await memberPages.get(conversationId, after, limit + 1, () =>
      store.listMembers(conversationId, after, limit + 1),
    )
    return { members: rows.slice(0, limit), more: rows.length > limit }
  }

  async function groupConversation(conversationId: string) {
    const c = await store.getConversation(conversationId)
    if (!c) throw new AppError('not_found', `conversation ${conversationId} not found`)
    if (c.kind !== 'group')
      throw new AppError(
        'bad_request',
        `conversation ${conversationId} is a direct conversation; its members are fixed`,
      )
    return c
  }

  return {
    async AddMembers(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const r = role(req.role)
      await groupConversation(conversationId)
      const now = Date.now()
      const members = (req.user_ids ?? []).map((u) => ({
        conversationId,
        userId: id(u, 'user_ids[]'),
        role: r,
        joinedAt: now,
      }))
      // the events are keyed by the user they concern: those of requested users who turned out to be members
      // already (another add got there first) are dropped, inside the transaction that decides it
      const requested = new Set(members.map((m) => m.userId))
      let written: OutboxRecord[] = []
      const outboxFor = (added: string[]) => {
        const fresh = new Set(added)
        written = outboxOf(req.events).filter((r) => r.key === null || !requested.has(r.key) || fresh.has(r.key))
        return written
      }
      const added = members.length ? await store.addMembers(conversationId, members, outboxFor) : []
      if (added.length) await memberPages.invalidate(conversationId)
      return committed(written, { added_user_ids: added })
    },

    async RemoveMember(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const userId = required(req.user_id, 'user_id')
      await groupConversation(conversationId)
      const outbox = outboxOf(req.events)
      // the last admin's removal promotes the member logic named (src/ports/last-admin.ts)
      const removed = await store.removeMember(conversationId, userId, outbox, str(req.promote_user_id) || undefined)
      if (removed) await memberPages.invalidate(conversationId)
      return committed(removed ? outbox : [], {})
    },

    async GetMember(req) {
      const conversationId = required(req.conversation_id, 'conversation_id')
      const userId = required(req.user_id, 'user_id')
      const m = await store.getMember(conversationId, userId)
      if (!m) throw new AppError('not_found', `${userId} is not a member of ${conversationId}`)
      return memberOut(m)
    },

    async ListMembers(req) {
      const { members, more } = await memberPage(req)
      return { members: members.map(memberOut), next_cursor: more ? members.at(-1)!.userId : '' }
    },

    async LocateMembers(req) {
      const until = str(req.until_user_id)
      const page = await memberPage(req)
      const members = until ? page.members.filter((m) => m.userId <= until) : page.members
      const last = members.at(-1)?.userId
      const more = page.more && members.length === page.members.length && last !== until
      const ids = members.map((m) => m.userId)
      const located = byGateway(ids, await presence.lookup(ids))
      return {
        online: [...located.byGateway].map(([gateway_id, user_ids]) => ({ gateway_id, user_ids })),
        offline: located.offline,
        members: members.length,
        next_cursor: more ? last! : '',
      }
    },
  }
}
