// Revoked token ids in the MySQL store, kept until the token would have expired anyway.
import { checkRevocation, type RevocationRow } from '../../ports/store.js'
import { chunks, limit } from './rows.js'
import { MysqlMessages } from './messages.js'
import { PURGE_BATCH, type Result, type Rows } from './store-base.js'

export abstract class MysqlRevocations extends MysqlMessages {
  async revokeToken(r: RevocationRow): Promise<void> {
    checkRevocation(r)
    await this.execute(
      'INSERT INTO revoked_tokens (jti, expires_at) VALUES (?, ?) ON DUPLICATE KEY UPDATE expires_at = GREATEST(expires_at, VALUES(expires_at))',
      [r.jti, r.expiresAt],
    )
  }

  async revokedTokenIds(jtis: string[], now: number): Promise<Set<string>> {
    const out = new Set<string>()
    for (const chunk of chunks([...new Set(jtis)])) {
      const [rows] = await this.query<Rows>('SELECT jti FROM revoked_tokens WHERE jti IN (?) AND expires_at > ?', [
        chunk,
        now,
      ])
      for (const r of rows) out.add(r.jti)
    }
    return out
  }

  async listRevocations(now: number, afterJti: string, n: number): Promise<RevocationRow[]> {
    const [rows] = await this.execute<Rows>(
      `SELECT jti, expires_at FROM revoked_tokens WHERE jti > ? AND expires_at > ? ORDER BY jti ${limit(n)}`,
      [afterJti, now],
    )
    return rows.map((r) => ({ jti: r.jti, expiresAt: Number(r.expires_at) }))
  }

  async pruneRevocations(now: number): Promise<number> {
    let total = 0
    for (;;) {
      const [res] = await this.execute<Result>(
        `DELETE FROM revoked_tokens WHERE expires_at <= ? ${limit(PURGE_BATCH)}`,
        [now],
      )
      total += res.affectedRows
      if (res.affectedRows < PURGE_BATCH) return total
    }
  }
}
