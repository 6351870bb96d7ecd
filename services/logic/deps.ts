// What the logic handlers share: the repo API (all state lives behind it) and the topics their events go to.
import type { RepoApi } from '../../src/rpc/api.js'
import type { Bus } from '../../src/ports/bus.js'
import type { BlobStore } from '../../src/ports/blobs.js'
import type { Logger } from '../../src/observability/log.js'
import type { EventTopics } from './domain-events.js'

export interface LogicDeps {
  repo: RepoApi
  topics: EventTopics
  /** set in async persistence mode: where sends go instead of repo.StoreMessage */
  persistAsync?: { bus: Bus; topic: string }
  /** for events published straight to the bus, without a data change (typing) */
  bus?: Bus
  /** attachment bytes: deleted with the last message that carried them (attachment-release.ts) */
  blobs?: BlobStore
  log?: Logger
}
