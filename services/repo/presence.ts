// Presence: which gateways each user is connected to.
import type { RepoApi } from '../../src/rpc/api.js'
import type { RepoServiceDeps } from './deps.js'

export function presenceHandlers(deps: RepoServiceDeps): Pick<RepoApi, 'LookupPresence'> {
  const { presence } = deps

  return {
    async LookupPresence(req) {
      const found = await presence.lookup(req.user_ids ?? [])
      return { presence: [...found].map(([user_id, gateway_ids]) => ({ user_id, gateway_ids })) }
    },
  }
}
