// The group of a fanout run: created by the sender (who becomes its admin), members added in chunks whose
// JSON body stays well under the gateway's body limit (max_frame_bytes, 64 KiB by default). The bench users are
// strangers to each other, so the adds carry the admin secret: members at once, without invitations or limits.
import { RestClient, type Session } from '../src/client/rest.js'

const BODY_BUDGET = 48 * 1024

export function memberChunks(ids: string[], maxChunk: number): string[][] {
  const longest = ids.reduce((n, id) => Math.max(n, id.length), 1)
  const size = Math.max(1, Math.min(maxChunk, Math.floor(BODY_BUDGET / (longest + 3))))
  const out: string[][] = []
  for (let k = 0; k < ids.length; k += size) out.push(ids.slice(k, k + size))
  return out
}

export async function createBenchGroup(
  url: string,
  owner: Session,
  memberIds: string[],
  name: string,
  adminSecret: string,
  maxChunk = 1000,
): Promise<string> {
  const client = new RestClient(url, owner.token)
  const { conversationId } = await client.createGroup(name, [])
  for (const chunk of memberChunks(memberIds, maxChunk)) await client.addMembers(conversationId, chunk, adminSecret)
  return conversationId
}
