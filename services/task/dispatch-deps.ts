// What the dispatch and fanout consumers share: their own file so that dispatch (which plans shards) and fanout
// (which routes them) both depend on it rather than on each other.
import type { RouteDeps } from './route.js'

export interface DispatchDeps extends RouteDeps {
  largeGroupThreshold: number
  fanoutBatchSize: number
  fanoutTopic: string
}
