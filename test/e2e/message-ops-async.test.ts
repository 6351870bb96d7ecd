// The message operations suite with async persistence (logic → gochat.messages.persist → task.persist.group → repo):
// operations are checked before the ack and applied to their target when the persist consumer inserts them.
import { afterAll, describe } from 'vitest'
import { useCluster } from '../helpers/cluster-run.js'
import { infraAvailable } from '../helpers/infra.js'
import { messageOpsSuite } from './message-ops.suite.js'

describe.skipIf(!(await infraAvailable('kafka', 'mysql', 'redis')))(
  'real infrastructure, async persistence, message operations',
  () => {
    const c = useCluster('opsasync', { env: { GOCHAT_GROUP_ADDS: 'direct', GOCHAT_PERSISTENCE: 'async' } })
    const suite = messageOpsSuite('message operations with --persistence async', {
      gateways: () => c.cluster.gatewayUrls,
    })
    afterAll(() => suite.closeSockets())
  },
)
