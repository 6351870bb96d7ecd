// Revoked tokens: RevokeToken keeps one in the store, then in the cache (src/auth/revocation.ts); CheckRevoked
// answers from the store while the cache's copy is not complete, and has this process copy the store into the
// cache again, one copy at a time.
import { CHECK_MAX, cacheRevocation, LOADED_KEY, reloadRevocations } from '../../src/auth/revocation.js'
import { AppError } from '../../src/core/errors.js'
import type { RepoApi } from '../../src/rpc/api.js'
import type { RepoServiceDeps } from './deps.js'
import { revocationsReloaded } from './metrics.js'
import { int, required } from './wire.js'

export interface RevocationHandlers extends Pick<RepoApi, 'RevokeToken' | 'CheckRevoked'> {
  /** copies the store's revocations into the cache unless its copy is complete or a copy is under way */
  reload(): Promise<void>
}

export function revocationHandlers(deps: Pick<RepoServiceDeps, 'store' | 'cache' | 'log'>): RevocationHandlers {
  const { store, cache, log } = deps
  let reloading: Promise<void> | undefined
  const copy = async () => {
    if ((await cache.get(LOADED_KEY)) !== null) return
    const copied = await reloadRevocations(cache, (after, limit) => store.listRevocations(Date.now(), after, limit))
    if (copied === null) return
    revocationsReloaded.inc()
    log.info('revoked tokens copied from the store into the cache', { copied })
  }
  const reload = () =>
    (reloading ??= copy()
      .catch((err: unknown) => log.warn('copying revoked tokens into the cache failed', { err }))
      .finally(() => (reloading = undefined)))

  return {
    reload,

    async RevokeToken(req) {
      const revocation = { jti: required(req.jti, 'jti'), expiresAt: int(req.expires_at) }
      await store.revokeToken(revocation)
      await cacheRevocation(cache, revocation)
      return {}
    },

    async CheckRevoked(req) {
      const jtis = req.jtis ?? []
      if (jtis.length > CHECK_MAX) throw new AppError('bad_request', `at most ${CHECK_MAX} token ids a call`)
      const revoked = await store.revokedTokenIds(jtis, Date.now())
      void reload()
      return { revoked_jtis: [...revoked] }
    },
  }
}
