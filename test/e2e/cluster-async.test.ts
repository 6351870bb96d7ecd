// The core path suite again with async persistence (logic → gochat.messages.persist → task.persist.group → repo):
// the same guarantees to clients, only history may trail the ack by the persist consumer's delay.
import { afterAll, describe, expect, it } from 'vitest'
import { infraAvailable } from '../helpers/infra.js'
import { useCluster } from '../helpers/cluster-run.js'
import { chatSuite } from './chat.suite.js'

describe.skipIf(!(await infraAvailable('kafka', 'mysql', 'redis')))('real infrastructure, async persistence', () => {
  const c = useCluster('async', { env: { GOCHAT_PERSISTENCE: 'async' } })
  const suite = chatSuite('core path with --persistence async', { gateways: () => c.cluster.gatewayUrls })
  it('stored those messages through the persist consumer', async () => {
    const text = await (await fetch(c.cluster.procs.get('task-1')!.healthUrl.replace('/health', '/metrics'))).text()
    const line = text
      .split('\n')
      .find((l) => l.startsWith('gochat_task_processing_duration_seconds_count{task_type="persist"}'))
    expect(Number(line?.split(' ').pop())).toBeGreaterThan(0)
  })
  afterAll(() => suite.closeSockets())
})
