// Where unsent messages wait: the app's sends, kept until the server acknowledged them, so that a send made offline
// (or cut by a reconnect, or made before a page reload or process restart with a durable store) is sent later with
// its idempotency key and stored once. Stores: memory (here), IndexedDB (outbox-idb.ts, browsers), a file
// (outbox-file.ts, Node).

import type { RecordFields } from './types.js'

export type OutboxState = 'pending' | 'sent' | 'failed'

export interface OutboxEntry {
  /** the idempotency key: the same on every attempt */
  key: string
  conversationId: string
  content: string
  /** an operation, a reply or mentions (absent: a plain text message) */
  record?: RecordFields
  /** when the app sent it (epoch ms); entries go out in this order per conversation */
  createdAt: number
  /** order among entries of the same ms */
  order: number
  state: OutboxState
  attempts: number
  /** the last error code (`unavailable`, `not_member`, `expired`, …) */
  error?: string
  messageId?: string
  seq?: number
}

export interface OutboxStore {
  /** every entry kept (pending and failed), in any order */
  load(): Promise<OutboxEntry[]>
  put(entry: OutboxEntry): Promise<void>
  remove(key: string): Promise<void>
}

/** Kept in memory: survives reconnects, not a reload or restart. The default where nothing durable is at hand. */
export class MemoryOutbox implements OutboxStore {
  private entries = new Map<string, OutboxEntry>()
  async load(): Promise<OutboxEntry[]> {
    return [...this.entries.values()].map((e) => ({ ...e }))
  }
  async put(entry: OutboxEntry): Promise<void> {
    this.entries.set(entry.key, { ...entry })
  }
  async remove(key: string): Promise<void> {
    this.entries.delete(key)
  }
}

/** A random UUID v4 as an idempotency key; crypto.randomUUID is missing outside secure contexts (plain http). */
export function newKey(): string {
  const c = globalThis.crypto
  if (typeof c?.randomUUID === 'function') return c.randomUUID()
  const b = c.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
