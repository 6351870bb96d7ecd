// The chaos harness's own Kafka for the kafka:* faults: KRaft nodes on free loopback ports in a temp dir, which
// die with the harness (and are wiped by its stop). Never the shared broker.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { KafkaNodes, nodeLayout } from '../../infra/kafka-nodes.js'
import { freePorts } from '../../infra/net.js'

/** n nodes started and serving; stop({ wipe: true }) removes them */
export async function startOwnKafka(n: number): Promise<KafkaNodes> {
  const ports = await freePorts(2 * n)
  const nodes = nodeLayout(n, '127.0.0.1', 0, 0).map((node, i) => ({
    ...node,
    port: ports[i]!,
    controllerPort: ports[n + i]!,
  }))
  const kafka = new KafkaNodes({
    stateDir: mkdtempSync(join(tmpdir(), 'gochat-chaos-kafka-')),
    nodes,
    dieWithParent: true,
  })
  try {
    return await kafka.start()
  } catch (err) {
    await kafka.stop({ wipe: true })
    throw err
  }
}

/** the nodes a list of faults needs (none without a kafka:* fault unless asked): kill-broker needs a replicated one */
export function ownKafkaNodes(faults: string[], asked?: number): number {
  if (asked !== undefined) {
    if (faults.includes('kafka:kill-broker') && asked < 3)
      throw new Error(`kafka:kill-broker needs --own-kafka 3 or more (got ${asked})`)
    return asked
  }
  if (faults.includes('kafka:kill-broker')) return 3
  return faults.includes('kafka:restart') ? 1 : 0
}

export async function ownKafka(
  faults: string[],
  asked: number | undefined,
  progress: (line: string) => void,
): Promise<KafkaNodes | undefined> {
  const n = ownKafkaNodes(faults, asked)
  if (n === 0) return undefined
  progress(`starting a Kafka of this run's own: ${n} KRaft node(s) on free ports (30–90 s on a busy machine)`)
  return startOwnKafka(n)
}
