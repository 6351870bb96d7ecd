// The retention suite against separate role processes on real Kafka, MariaDB and Redis with two gateways: the
// sweep runs in the task process and reaches MariaDB through the repo holding the outbox lease.
import { describe } from 'vitest'
import { useCluster } from '../helpers/cluster-run.js'
import { infraAvailable } from '../helpers/infra.js'
import { retentionSuite } from './retention.suite.js'

describe.skipIf(!(await infraAvailable('kafka', 'mysql', 'redis')))('real infrastructure, retention', () => {
  const c = useCluster('retention', { env: { GOCHAT_RETENTION_SWEEP_SECONDS: '1' } })
  retentionSuite('retention on a cluster (2 gateways)', { gateways: () => c.cluster.gatewayUrls })
})
