// Who may put whom in a group (group consent). People who already share a conversation with the adder are added;
// the others get an invitation they accept or decline (group_adds=invite, the default), unless the deployment adds
// everyone at once (group_adds=direct). Adds by anyone but the deployment's admin (admin_secret: benchmarks,
// operators) are limited per call (group_adds_per_call) and per user and day (group_adds_per_day, in the cache, so
// every logic instance counts the same budget). A refused call changes nothing: the limits are checked, and the
// day's budget taken, before any write, and the budget is given back when the writes fail.
import { AppError } from '../../src/core/errors.js'
import { notification } from '../../src/contracts/events.js'
import type { Cache } from '../../src/ports/cache.js'
import type { GochatConfig } from '../../src/config/index.js'
import type { LogicDeps } from './deps.js'
import { outboxEvent } from './domain-events.js'
import { adminCheck } from './admin-secret.js'
import { admitBanned } from './moderation.js'

const DAY_MS = 24 * 3600_000
/** candidates per ContactsAmong call */
const CHUNK = 1000

export type GroupAddPolicy = Pick<
  GochatConfig,
  'group_adds' | 'group_adds_per_call' | 'group_adds_per_day' | 'admin_secret'
>

export interface GroupAdds {
  added: string[]
  invited: string[]
}

export interface GroupAdder {
  /**
   * Checks the limits of `count` people named by `actor` (forbidden for a wrong admin secret), takes them from the
   * day's budget and runs `writes` (told whether the caller is the deployment's admin); the budget is given back
   * when they fail.
   */
  admitted<T>(
    actor: string,
    count: number,
    adminSecret: string | null | undefined,
    writes: (admin: boolean) => Promise<T>,
  ): Promise<T>
  /** adds the actor's contacts (everyone, for an admin or group_adds=direct) and invites the others */
  apply(o: {
    actor: string
    conversationId: string
    name: string
    userIds: string[]
    admin: boolean
  }): Promise<GroupAdds>
}

export function createGroupAdder(deps: LogicDeps, cache: Cache, policy: GroupAddPolicy): GroupAdder {
  const { repo } = deps
  const requireAdmin = adminCheck(policy.admin_secret)
  const notify = (
    type: 'group.invited' | 'group.invitation.created',
    conversationId: string,
    name: string,
    by: string,
    ids: string[],
  ) =>
    ids.map((id) =>
      outboxEvent(
        deps.topics.notifications,
        notification(type, id, { conversation_id: conversationId, name, inviter_id: by }),
      ),
    )

  async function contactsOf(actor: string, userIds: string[]): Promise<Set<string>> {
    const found = new Set<string>()
    for (let i = 0; i < userIds.length; i += CHUNK) {
      const { contact_ids } = await repo.ContactsAmong({ user_id: actor, candidate_ids: userIds.slice(i, i + CHUNK) })
      for (const id of contact_ids) found.add(id)
    }
    return found
  }

  async function admit(actor: string, count: number, adminSecret: string | null | undefined) {
    if (adminSecret) {
      requireAdmin(adminSecret)
      return { admin: true, giveBack: async () => {} }
    }
    if (count > policy.group_adds_per_call)
      throw new AppError(
        'too_large',
        `at most ${policy.group_adds_per_call} people a call (group_adds_per_call); ${count} were named`,
      )
    if (count === 0) return { admin: false, giveBack: async () => {} }
    const key = `group-adds:${actor}`
    const used = await cache.incrWindow(key, DAY_MS, count).catch(unavailable)
    const giveBack = async () => {
      await cache.incrWindow(key, DAY_MS, -count).catch(() => undefined)
    }
    if (used > policy.group_adds_per_day) {
      await giveBack()
      throw new AppError(
        'rate_limited',
        `at most ${policy.group_adds_per_day} people added or invited a day (group_adds_per_day); ${Math.max(0, policy.group_adds_per_day - (used - count))} left today`,
        3600,
      )
    }
    return { admin: false, giveBack }
  }

  return {
    async admitted(actor, count, adminSecret, writes) {
      const { admin, giveBack } = await admit(actor, count, adminSecret)
      try {
        return await writes(admin)
      } catch (err) {
        await giveBack()
        throw err
      }
    },

    async apply({ actor, conversationId, name, userIds, admin }) {
      await admitBanned(deps, { actor, conversationId, userIds, admin })
      const everyone = admin || policy.group_adds === 'direct'
      const contacts = everyone ? new Set(userIds) : await contactsOf(actor, userIds)
      const direct = userIds.filter((id) => contacts.has(id))
      const strangers = userIds.filter((id) => !contacts.has(id))
      // repo adds only those not members yet (invites only those neither members nor invited), with their events,
      // inside its transaction
      const added = direct.length
        ? (
            await repo.AddMembers({
              conversation_id: conversationId,
              user_ids: direct,
              role: 'member',
              events: notify('group.invited', conversationId, name, actor, direct),
            })
          ).added_user_ids
        : []
      const invited = strangers.length
        ? (
            await repo.InviteMembers({
              conversation_id: conversationId,
              inviter_id: actor,
              user_ids: strangers,
              events: notify('group.invitation.created', conversationId, name, actor, strangers),
            })
          ).invited_user_ids
        : []
      return { added, invited }
    },
  }
}

function unavailable(err: unknown): never {
  throw new AppError('unavailable', `the add limit cannot be checked: ${(err as Error).message}`)
}
