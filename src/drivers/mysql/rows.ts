// What only the MySQL store and its batched message path (message-batch.ts) need beside the shared rows
// (../sql/rows.ts): chunking, LIMIT and the duplicate-key reading.

/** rows per multi-row INSERT, well below max_allowed_packet */
const CHUNK = 1000

/** a LIMIT clause: inlined because prepared LIMIT parameters are refused by some MySQL versions */
export const limit = (n: number) => `LIMIT ${Math.max(0, Math.trunc(n))}`

/** the unique key an ER_DUP_ENTRY error is about (MariaDB: 'PRIMARY', MySQL 8: 'messages.PRIMARY'), else null */
export function duplicateKey(err: unknown): string | null {
  const e = err as { errno?: number; message?: string }
  if (e?.errno !== 1062) return null
  return /for key '(?:[^'.]+\.)?([^'.]+)'/.exec(e.message ?? '')?.[1] ?? ''
}

export function chunks<T>(items: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}
