// The message operations suite against separate role processes on real Kafka, MariaDB and Redis, with two gateway
// instances: clients are spread over both, so every record crosses gRPC, the outbox relay and Kafka.
import { afterAll, describe } from 'vitest'
import { useCluster } from '../helpers/cluster-run.js'
import { infraAvailable } from '../helpers/infra.js'
import { messageOpsSuite } from './message-ops.suite.js'

describe.skipIf(!(await infraAvailable('kafka', 'mysql', 'redis')))('real infrastructure, message operations', () => {
  const c = useCluster('ops', { env: { GOCHAT_GROUP_ADDS: 'direct' } })
  const suite = messageOpsSuite('message operations on a cluster (2 gateways)', {
    gateways: () => c.cluster.gatewayUrls,
  })
  afterAll(() => suite.closeSockets())
})
