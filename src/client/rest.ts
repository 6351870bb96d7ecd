// A small client of docs/protocol.md's REST API, used by tests and benchmarks: every route, thinly. Apps build on
// GochatClient (index.ts), which shares its transport (http.ts) and its error type.
import type { Message } from '../contracts/payloads.js'
import { httpRequest } from './http.js'
import { GochatError, type Session, type Thumbnail } from './types.js'

/** what a send carries beside its content when it is not a plain text message (docs/protocol.md); an image,
 *  file or voice message names its completed upload by `attachmentId` */
export type RecordFields = Partial<Pick<Message, 'kind' | 'targetId' | 'replyTo' | 'mentions'>> & {
  attachmentId?: string
}

/** A refused REST call: the HTTP status and the protocol's error code (a GochatError with a status). */
export class ApiError extends GochatError {
  constructor(status: number, code: string, message: string, retryAfterMs?: number) {
    super(code, message, status, retryAfterMs)
    this.message = `${status} ${code}: ${message}`
    this.name = 'ApiError'
  }
}

/** the header of the deployment's admin secret (bulk users, group adds without consent or limits) */
export const ADMIN_SECRET_HEADER = 'x-gochat-admin-secret'

/** who a group creation or add made a member, and who it invited (they join once they accept) */
export interface GroupAdds {
  added: string[]
  invited: string[]
}

/** a signed URL of the blob store: absolute, or relative to the gateway (the embedded store) */
export interface SignedUrl {
  url: string
  method: 'PUT' | 'GET'
  headers: Record<string, string>
  expiresAt: number
}

export interface Attachment {
  attachmentId: string
  kind: 'image' | 'file' | 'voice'
  mime: string
  size: number
  name?: string
  sha256: string
  width?: number
  height?: number
  durationMs?: number
  /** images gochat could make a thumbnail of */
  thumbnail?: Thumbnail
  state: 'pending' | 'ready'
}

export type { Session } from './types.js'

export class RestClient {
  constructor(
    readonly baseUrl: string,
    public token?: string,
  ) {}

  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    try {
      return await httpRequest<T>(this.baseUrl, method, path, { token: this.token, body, headers })
    } catch (err) {
      const g = err as GochatError
      if (g instanceof GochatError && g.status > 0) {
        const message = g.message.slice(g.code.length + 2)
        throw new ApiError(g.status, g.code, message, g.retryAfterMs)
      }
      throw err
    }
  }

  private async session(path: string, body: unknown): Promise<Session> {
    const s = await this.call<Session>('POST', path, body)
    this.token = s.token
    return s
  }

  register(username: string, password: string, displayName?: string) {
    return this.session('/v1/auth/register', { username, password, displayName })
  }
  login(username: string, password: string) {
    return this.session('/v1/auth/login', { username, password })
  }
  guest(displayName?: string) {
    return this.session('/v1/auth/guest', { displayName })
  }
  me() {
    return this.call<{ userId: string; username?: string; displayName: string; guest: boolean }>('GET', '/v1/me')
  }
  updateMe(displayName: string) {
    return this.call('PATCH', '/v1/me', { displayName })
  }
  direct(peerUserId: string) {
    return this.call<{ conversationId: string }>('POST', '/v1/conversations/direct', { peerUserId })
  }
  /** strangers are invited, people who share a conversation with the caller added; `adminSecret` adds everyone */
  createGroup(name: string, memberIds: string[], adminSecret?: string) {
    return this.call<{ conversationId: string } & GroupAdds>(
      'POST',
      '/v1/groups',
      { name, memberIds },
      adminSecret ? { [ADMIN_SECRET_HEADER]: adminSecret } : {},
    )
  }
  addMembers(groupId: string, userIds: string[], adminSecret?: string) {
    return this.call<GroupAdds>(
      'POST',
      `/v1/groups/${groupId}/members`,
      { userIds },
      adminSecret ? { [ADMIN_SECRET_HEADER]: adminSecret } : {},
    )
  }
  invitations() {
    return this.call<{
      invitations: Array<{
        conversationId: string
        name: string
        inviter: { userId: string; displayName: string }
        createdAt: number
      }>
    }>('GET', '/v1/invitations')
  }
  acceptInvitation(groupId: string) {
    return this.call<{ conversationId: string }>('POST', `/v1/invitations/${groupId}/accept`)
  }
  declineInvitation(groupId: string) {
    return this.call('POST', `/v1/invitations/${groupId}/decline`)
  }
  removeMember(groupId: string, userId: string) {
    return this.call('DELETE', `/v1/groups/${groupId}/members/${userId}`)
  }
  announce(groupId: string, text: string) {
    return this.call('PUT', `/v1/groups/${groupId}/announcement`, { text })
  }
  conversations() {
    return this.call<{
      conversations: Array<{ conversationId: string; kind: string; name?: string; lastSeq: number; readSeq: number }>
    }>('GET', '/v1/conversations')
  }
  /** `record`: another kind than text (an image, file or voice naming its attachmentId, an operation on
   *  targetId), a reply, mentions */
  send(conversationId: string, content: string, idempotencyKey: string, record: RecordFields = {}) {
    return this.call<{ messageId: string; seq: number }>('POST', `/v1/conversations/${conversationId}/messages`, {
      content,
      idempotencyKey,
      ...record,
    })
  }
  pins(conversationId: string) {
    return this.call<{ messages: Message[] }>('GET', `/v1/conversations/${conversationId}/pins`)
  }
  history(conversationId: string, afterSeq = 0, limit = 50) {
    return this.call<{ messages: Message[]; hasMore: boolean }>(
      'GET',
      `/v1/conversations/${conversationId}/messages?afterSeq=${afterSeq}&limit=${limit}`,
    )
  }
  recall(conversationId: string, messageId: string) {
    return this.call('POST', `/v1/conversations/${conversationId}/messages/${messageId}/recall`)
  }
  deleteMessage(conversationId: string, messageId: string, mode: 'soft' | 'hard') {
    return this.call('DELETE', `/v1/conversations/${conversationId}/messages/${messageId}?mode=${mode}`)
  }
  read(conversationId: string, seq: number) {
    return this.call('POST', `/v1/conversations/${conversationId}/read`, { seq })
  }
  requestFriend(userId: string) {
    return this.call('POST', '/v1/friends/requests', { userId })
  }
  acceptFriend(fromUserId: string) {
    return this.call('POST', `/v1/friends/requests/${fromUserId}/accept`)
  }
  uploadSlot(kind: string, mime: string, size: number, name?: string) {
    return this.call<{ attachmentId: string; upload: SignedUrl }>('POST', '/v1/uploads', { kind, mime, size, name })
  }
  completeUpload(attachmentId: string) {
    return this.call<Attachment>('POST', `/v1/uploads/${attachmentId}/complete`)
  }
  /** the original's URL, or with variant 'thumbnail' the thumbnail's (images that have one) */
  downloadUrl(attachmentId: string, variant?: 'thumbnail') {
    const query = variant ? `?variant=${variant}` : ''
    return this.call<SignedUrl>('GET', `/v1/attachments/${attachmentId}/url${query}`)
  }
  /** sends a request to a signed URL, resolved against this gateway when relative */
  blob(u: SignedUrl, body?: Uint8Array, headers: Record<string, string> = {}) {
    return fetch(new URL(u.url, this.baseUrl), {
      method: u.method,
      headers: { ...u.headers, ...headers },
      ...(body ? { body: new Uint8Array(body) } : {}),
    })
  }
}
