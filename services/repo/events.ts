// Events with no mutation of their own: written to the outbox, which the relay produces.
import type { RepoApi } from '../../src/rpc/api.js'
import { committer, type RepoServiceDeps } from './deps.js'
import { outboxOf } from './wire.js'

export function eventHandlers(deps: RepoServiceDeps): Pick<RepoApi, 'PublishEvents'> {
  const { store } = deps
  const committed = committer(deps)

  return {
    async PublishEvents(req) {
      const outbox = outboxOf(req.events)
      if (outbox.length) await store.appendOutbox(outbox)
      return committed(outbox, {})
    },
  }
}
