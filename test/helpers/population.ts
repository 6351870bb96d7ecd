// Many users at once through the admin path, a group of them, and their sockets.
import { RestClient, type Session } from '../../src/client/rest.js'

import { TEST_ADMIN_SECRET } from './up.js'

export const ADMIN_SECRET = TEST_ADMIN_SECRET

export async function bulkUsers(gateway: string, count: number, namePrefix = 'load'): Promise<Session[]> {
  const res = await fetch(`${gateway}/v1/admin/users/bulk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-gochat-admin-secret': ADMIN_SECRET },
    body: JSON.stringify({ count, namePrefix }),
  })
  if (res.status !== 201) throw new Error(`bulk users: HTTP ${res.status} ${await res.text()}`)
  return ((await res.json()) as { users: Session[] }).users
}

/** A group owned by `owner` with every other user as a member, added in chunks that fit the body limit (with the
 *  admin secret: members at once, without invitations or add limits). */
export async function bigGroup(gateway: string, owner: Session, members: Session[], name = 'big'): Promise<string> {
  const rest = new RestClient(gateway, owner.token)
  const ids = members.map((m) => m.userId)
  const { conversationId } = await rest.createGroup(name, ids.slice(0, 1000), ADMIN_SECRET)
  for (let i = 1000; i < ids.length; i += 1000)
    await rest.addMembers(conversationId, ids.slice(i, i + 1000), ADMIN_SECRET)
  return conversationId
}
