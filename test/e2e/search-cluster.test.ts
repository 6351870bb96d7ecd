// The history search suite against separate role processes on real Kafka, MariaDB and Redis, with two gateway
// instances: every search crosses gRPC to logic and repo, and MariaDB's FULLTEXT index answers it.
import { describe } from 'vitest'
import { useCluster } from '../helpers/cluster-run.js'
import { infraAvailable } from '../helpers/infra.js'
import { searchSuite } from './search.suite.js'

describe.skipIf(!(await infraAvailable('kafka', 'mysql', 'redis')))('real infrastructure, history search', () => {
  // the suite polls searches until a lagging read catches up: more than message_search_per_user allows a person
  const c = useCluster('search', { env: { GOCHAT_MESSAGE_SEARCH_PER_USER: '100000' } })
  searchSuite('history search on a cluster (2 gateways)', { gateways: () => c.cluster.gatewayUrls })
})
