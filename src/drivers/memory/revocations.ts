// Revoked token ids in the in-memory store, kept until the token would have expired anyway.
import { checkRevocation, type RevocationRow } from '../../ports/store.js'
import { MemoryMessages } from './messages.js'

export abstract class MemoryRevocations extends MemoryMessages {
  async revokeToken(r: RevocationRow): Promise<void> {
    checkRevocation(r)
    this.revocations.set(r.jti, Math.max(this.revocations.get(r.jti) ?? 0, r.expiresAt))
  }

  async revokedTokenIds(jtis: string[], now: number): Promise<Set<string>> {
    return new Set(jtis.filter((jti) => (this.revocations.get(jti) ?? 0) > now))
  }

  async listRevocations(now: number, afterJti: string, limit: number): Promise<RevocationRow[]> {
    return [...this.revocations]
      .filter(([jti, expiresAt]) => jti > afterJti && expiresAt > now)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .slice(0, limit)
      .map(([jti, expiresAt]) => ({ jti, expiresAt }))
  }

  async pruneRevocations(now: number): Promise<number> {
    let n = 0
    for (const [jti, expiresAt] of this.revocations) if (expiresAt <= now && this.revocations.delete(jti)) n++
    return n
  }
}
