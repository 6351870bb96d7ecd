// The logic under test for the authorization suites (services/logic/authorization-*.test.ts): every logic
// service over the real repo service on the in-memory store and cache, behind a recording proxy that shows
// exactly what logic asked repo to commit. Call setUpLogic() once at the top of a suite file.
import { beforeAll } from 'vitest'
import { randomUUID } from 'node:crypto'
import { configKeys, type GochatConfig } from '../../src/config/index.js'
import type { EventEnvelope } from '../../src/contracts/events.js'
import type { OutboxEvent } from '../../src/contracts/generated/gochat/repo/v1/OutboxEvent.js'
import { topics } from '../../src/contracts/topics.js'
import { MemoryBus } from '../../src/drivers/memory/bus.js'
import { MemoryCache } from '../../src/drivers/memory/cache.js'
import { MemoryStore } from '../../src/drivers/memory/store.js'
import { createLogger } from '../../src/observability/log.js'
import type { LogicApi, RepoApi } from '../../src/rpc/api.js'
import { startRepo } from '../../services/repo/index.js'
import { createAuth } from '../../services/logic/auth.js'
import { createBulkUsers } from '../../services/logic/bulk-users.js'
import { createConversations } from '../../services/logic/conversations.js'
import { createRetention } from '../../services/logic/retention.js'
import type { LogicDeps } from '../../services/logic/deps.js'
import { createFriends } from '../../services/logic/friends.js'
import { createGroupAdder } from '../../services/logic/group-adds.js'
import { createModeration } from '../../services/logic/moderation.js'
import { createInvitations } from '../../services/logic/invitations.js'
import { createMessages } from '../../services/logic/messages.js'
import { createLoginThrottle } from '../../services/logic/login-throttle.js'
import { HashSlots } from '../../services/logic/passwords.js'
import { createTokens } from '../../src/auth/tokens.js'
import { createTyping } from '../../services/logic/typing.js'
import { createUsers } from '../../services/logic/users.js'
import { createUploads } from '../../services/logic/uploads.js'
import { testBlobs } from './blobs.js'

const defaults = Object.fromEntries(Object.entries(configKeys).map(([k, v]) => [k, v.default])) as GochatConfig
export const cfg: GochatConfig = { ...defaults, max_frame_bytes: 1024, admin_secret: 'test-admin-secret-0123' }
export const t = topics(cfg)

export interface Call {
  method: string
  req: { events?: OutboxEvent[] } & Record<string, unknown>
  res: Promise<unknown>
}

export let calls: Call[] = []
export let logic: LogicApi
/** the same logic with small add limits (group_adds_per_call 3, group_adds_per_day 5), and with group_adds=direct */
export let limited: Pick<LogicApi, 'CreateGroup' | 'AddGroupMembers'>
export let directAdds: Pick<LogicApi, 'CreateGroup'>
export let messages: ReturnType<typeof createMessages>
export let clock = Date.now()
export const tokens = createTokens({ secret: cfg.jwt_secret, ttlSeconds: 60 })

/** starts the logic under test before the file's tests */
export function setUpLogic(): void {
  beforeAll(async () => {
    const bus = new MemoryBus({ defaultPartitions: 1 })
    const cache = new MemoryCache()
    const { api } = await startRepo({ cfg, bus, log: createLogger(), store: new MemoryStore(), cache })
    const recorded = new Proxy(api, {
      get: (target, method: string) => (req: Call['req']) => {
        const res = (target[method as keyof RepoApi] as (r: unknown) => Promise<unknown>)(req)
        calls.push({ method, req, res })
        return res
      },
    })
    const deps: LogicDeps = { repo: recorded, topics: t }
    const m = createMessages(deps, {
      maxContentBytes: cfg.max_frame_bytes,
      editWindowMs: cfg.message_edit_window_seconds * 1000,
      nowMs: () => clock,
    })
    messages = m
    logic = {
      ...createAuth(deps, tokens, {
        throttle: createLoginThrottle({ cache, maxFailures: 10, lockoutSeconds: 60 }),
        hashing: new HashSlots(2, 100),
        cache,
      }),
      ...createConversations(deps, createGroupAdder(deps, cache, cfg)),
      ...createInvitations(deps),
      ...createModeration(deps, () => clock),
      ...createUsers(deps, 'exact'),
      ...createTyping(deps),
      ...createFriends(deps),
      ...createBulkUsers(deps, tokens, cfg.admin_secret),
      ...createUploads({ repo: recorded, blobs: testBlobs() }, cfg),
      ...createRetention(deps, 0),
    }
    limited = createConversations(
      deps,
      createGroupAdder(deps, cache, { ...cfg, group_adds_per_call: 3, group_adds_per_day: 5 }),
    )
    directAdds = createConversations(deps, createGroupAdder(deps, cache, { ...cfg, group_adds: 'direct' }))
  })
}

/** forgets the repo calls recorded so far */
export function resetCalls(): void {
  calls = []
}

/** the time logic's recall window and moderation see */
export function setClock(ms: number): void {
  clock = ms
}

export const uniq = () => randomUUID().slice(0, 8)
export const user = async () => (await logic.Register({ username: `u${uniq()}`, password: 'secret-pass' })).user_id

/** the events logic handed to repo with one call, decoded */
export function eventsOf(method: string): Array<{ topic: string; key: string; event: EventEnvelope }> {
  const call = calls.filter((c) => c.method === method).at(-1)
  return (call?.req.events ?? []).map((e) => ({
    topic: e.topic!,
    key: e.key!,
    event: JSON.parse(Buffer.from(e.value as Buffer).toString()) as EventEnvelope,
  }))
}

export async function direct() {
  const [a, b] = [await user(), await user()]
  const { conversation_id } = await logic.CreateDirect({ user_id: a, peer_user_id: b })
  return { a, b, conv: conversation_id }
}

/** a group of strangers: each is invited and accepts */
export async function group(memberCount = 2) {
  const admin = await user()
  const members = await Promise.all(Array.from({ length: memberCount }, user))
  const { conversation_id } = await logic.CreateGroup({ user_id: admin, name: 'team', member_ids: members })
  for (const m of members) {
    await logic.AcceptInvitation({ user_id: m, conversation_id })
    await new Promise((resolve) => setTimeout(resolve, 2)) // joined in this order (the oldest is promoted)
  }
  return { admin, members, conv: conversation_id }
}

export const send = (conv: string, from: string, content = 'hi', key = uniq()) =>
  messages.SendMessage({ conversation_id: conv, sender_user_id: from, content, idempotency_key: key })
