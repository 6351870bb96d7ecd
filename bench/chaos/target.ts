// What a chaos round runs against: gateways (and the admin secret to create its users), the deployment's Redis
// and key prefix when known (redis:flush), and the supervised Cluster when the run started one (kill:*,
// *:restart and kafka:* need process control). `gochat chaos --gateway …` has no Cluster: only the faults
// below that need none are allowed there.
import type { Cluster } from '../../runtime/cluster.js'

export interface ChaosTarget {
  gatewayUrls: string[]
  adminSecret: string
  /** the deployment's Redis and its redis_key_prefix: redis:flush deletes that prefix's keys there */
  redis?: { url: string; keyPrefix: string }
  /** the run's own supervised cluster, when it started one */
  cluster?: Cluster
}

/** faults that need no process control, so also run against a cluster the run did not start */
export const EXTERNAL_FAULTS: readonly string[] = ['none', 'redis:flush']

/** A Cluster as a target; read once it has started (its gateway URLs are known then). */
export function clusterTarget(cluster: Cluster): ChaosTarget {
  return {
    gatewayUrls: cluster.gatewayUrls,
    adminSecret: cluster.adminSecret,
    redis: { url: cluster.opts.redis, keyPrefix: cluster.opts.env?.GOCHAT_REDIS_KEY_PREFIX ?? '' },
    cluster,
  }
}

/** a Cluster's processes are in `procs`; a plain target has none */
export const toTarget = (t: Cluster | ChaosTarget): ChaosTarget => ('procs' in t ? clusterTarget(t) : t)
