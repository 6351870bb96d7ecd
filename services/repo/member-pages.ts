// Member pages (ListMembers) cached for the fanout of large groups, which pages through the same members for
// every message. Pages are filed under a generation key per conversation; a membership change deletes the
// generation after its commit, so every page filed before is unreachable at once. A reader that loaded a page
// before the change and files it afterwards files it under the old generation, where no one looks: the
// classic stale write-back of cache-aside cannot happen.
import { randomBytes } from 'node:crypto'
import type { Cache } from '../../src/ports/cache.js'
import type { Member } from '../../src/ports/store.js'

const genKey = (conversationId: string) => `members-gen:${conversationId}`

export class MemberPages {
  constructor(
    private readonly cache: Cache,
    private readonly ttlMs: number,
  ) {}

  async get(
    conversationId: string,
    afterUserId: string,
    limit: number,
    load: () => Promise<Member[]>,
  ): Promise<Member[]> {
    const gen = await this.generation(conversationId)
    const pageKey = `members:${conversationId}:${gen}:${limit}:${afterUserId}`
    const hit = await this.cache.get(pageKey)
    if (hit !== null) return JSON.parse(hit) as Member[]
    const page = await load()
    await this.cache.set(pageKey, JSON.stringify(page), this.ttlMs)
    return page
  }

  /** call after the membership change committed */
  invalidate(conversationId: string): Promise<void> {
    return this.cache.del(genKey(conversationId))
  }

  private async generation(conversationId: string): Promise<string> {
    const current = await this.cache.get(genKey(conversationId))
    if (current !== null) return current
    const fresh = randomBytes(6).toString('base64url')
    if (await this.cache.setIfAbsent(genKey(conversationId), fresh, this.ttlMs)) return fresh
    return (await this.cache.get(genKey(conversationId))) ?? fresh
  }
}
