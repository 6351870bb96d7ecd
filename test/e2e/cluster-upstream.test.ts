// The core path suite with `upstream: kafka`: WebSocket sends travel gateway → gochat.messages.upstream →
// logic.upstream.group, and their acks come back on the sender's own connection through the downstream topic.
import { afterAll, describe, expect, it } from 'vitest'
import { withAdmin } from '../../src/ops/kafka/admin.js'
import { describeGroup } from '../../src/ops/kafka/groups.js'
import { infraAvailable, KAFKA } from '../helpers/infra.js'
import { useCluster } from '../helpers/cluster-run.js'
import { chatSuite } from './chat.suite.js'

describe.skipIf(!(await infraAvailable('kafka', 'mysql', 'redis')))(
  'real infrastructure, upstream through Kafka',
  () => {
    const c = useCluster('up', { env: { GOCHAT_UPSTREAM: 'kafka' } })
    const suite = chatSuite('core path with upstream: kafka', { gateways: () => c.cluster.gatewayUrls })
    it('took the WebSocket sends through logic.upstream.group', async () => {
      const group = await withAdmin({ kafka_brokers: [KAFKA], log_level: 'warn' }, (h) =>
        describeGroup(h, `${c.prefix}.logic.upstream.group`),
      )
      const committed = (group?.partitions ?? []).reduce((n, p) => n + Number(p.committed ?? 0), 0)
      expect(committed).toBeGreaterThan(50)
    })
    afterAll(() => suite.closeSockets())
  },
)
