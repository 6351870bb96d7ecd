// Attachments, the store's side (src/ports/store.ts `attachments`): what an upload slot promised and, once its
// bytes were checked, what they are. The bytes themselves live in the blob store (src/ports/blobs.ts) under the
// attachment's id. Each driver keeps it in a file of its own (src/drivers/*/attachments.ts); the store contract
// suite covers all three.

import type { Thumbnail } from '../domain/message.js'

export const attachmentKinds = ['image', 'file', 'voice'] as const
export type AttachmentKind = (typeof attachmentKinds)[number]

/** pending: a slot was handed out, no bytes checked yet; ready: the bytes were checked and measured */
export type AttachmentState = 'pending' | 'ready'

export interface AttachmentRow {
  attachmentId: string
  ownerId: string
  kind: AttachmentKind
  mime: string
  /** bytes: declared by the slot, then as stored */
  size: number
  /** the file name the client gave, made safe (no path, no control characters); '' when none */
  name: string
  /** hex, '' while pending */
  sha256: string
  /** images */
  width: number | null
  height: number | null
  /** voice, milliseconds */
  durationMs: number | null
  /** images whose thumbnail could be made; null otherwise (and while pending) */
  thumbnail: Thumbnail | null
  state: AttachmentState
  /** epoch ms */
  createdAt: number
  /** epoch ms: a pending slot is dead after this (and counts against the quota until then) */
  expiresAt: number
}

/** What completing an upload learned from its bytes. */
export interface AttachmentFacts {
  size: number
  sha256: string
  width: number | null
  height: number | null
  durationMs: number | null
  thumbnail: Thumbnail | null
}

export interface AttachmentStore {
  /**
   * Adds a pending attachment when the owner's bytes (ready attachments and pending ones not expired at `now`)
   * plus its size stay within `quotaBytes`; false (nothing written) when they would not. Checked and written in
   * one transaction, so two slots asked for at once cannot both slip under the quota.
   */
  createAttachment(row: AttachmentRow, quotaBytes: number, now: number): Promise<boolean>
  getAttachment(attachmentId: string): Promise<AttachmentRow | null>
  /** pending → ready with `facts`; null (nothing written) when there is no such pending attachment */
  completeAttachment(attachmentId: string, facts: AttachmentFacts): Promise<AttachmentRow | null>
  /** false when there was none */
  deleteAttachment(attachmentId: string): Promise<boolean>
  /** the owner's bytes as the quota counts them at `now` */
  attachmentBytes(ownerId: string, now: number): Promise<number>
  /**
   * Whether a message carrying the attachment, neither recalled nor deleted, is in a conversation the user is a
   * member of now (who may download it besides its uploader). A query on messages by their attachment id.
   */
  sharedWith(attachmentId: string, userId: string): Promise<boolean>
  /**
   * Deletes the attachment unless a message carrying it is still shown (status normal), in one step; true when it
   * was deleted now (its blobs are the caller's to delete: src/attachments/blobs.ts), false when a live message
   * still carries it or there was none.
   */
  releaseAttachment(attachmentId: string): Promise<boolean>
  /**
   * Attachments created before `before` that no shown message carries (pending slots never completed, ready ones
   * never sent, or whose messages were all recalled or deleted), oldest first, at most `limit`: the orphan sweep's.
   */
  orphanAttachments(before: number, limit: number): Promise<string[]>
}
