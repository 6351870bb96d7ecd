// The history search suite against separate role processes on real Kafka, MariaDB and Redis, with two gateway
// instances: every search crosses gRPC to logic and repo, and MariaDB's FULLTEXT index answers it.
import { describe } from 'vitest'
import { useCluster } from '../helpers/cluster-run.js'
import { infraAvailable } from '../helpers/infra.js'
import { searchSuite } from './search.suite.js'

describe.skipIf(!(await infraAvailable('kafka', 'mysql', 'redis')))('real infrastructure, history search', () => {
  const c = useCluster('search')
  searchSuite('history search on a cluster (2 gateways)', { gateways: () => c.cluster.gatewayUrls })
})
