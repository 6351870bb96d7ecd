// Revoked token ids in the SQLite store, kept until the token would have expired anyway.
import { checkRevocation, type RevocationRow } from '../../ports/store.js'
import { SqliteMessages } from './messages.js'

export abstract class SqliteRevocations extends SqliteMessages {
  async revokeToken(r: RevocationRow): Promise<void> {
    checkRevocation(r)
    this.run(
      'INSERT INTO revoked_tokens (jti, expires_at) VALUES (?, ?) ON CONFLICT (jti) DO UPDATE SET expires_at = MAX(expires_at, excluded.expires_at)',
      r.jti,
      r.expiresAt,
    )
  }

  async revokedTokenIds(jtis: string[], now: number): Promise<Set<string>> {
    const revoked = this.stmt('SELECT 1 FROM revoked_tokens WHERE jti = ? AND expires_at > ?')
    return new Set([...new Set(jtis)].filter((jti) => revoked.get(jti, now) !== undefined))
  }

  async listRevocations(now: number, afterJti: string, limit: number): Promise<RevocationRow[]> {
    return this.all(
      'SELECT jti, expires_at FROM revoked_tokens WHERE jti > ? AND expires_at > ? ORDER BY jti LIMIT ?',
      afterJti,
      now,
      limit,
    ).map((r) => ({ jti: String(r.jti), expiresAt: Number(r.expires_at) }))
  }

  async pruneRevocations(now: number): Promise<number> {
    return this.run('DELETE FROM revoked_tokens WHERE expires_at <= ?', now).changes
  }
}
