// The multi-node harness against real JVMs: three KRaft nodes on free ports, one SIGKILLed and started again,
// then all stopped with nothing left listening. Needs only the Kafka jars (infra/kafka/libs), not the shared broker.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { KafkaNodes, nodeLayout } from './kafka-nodes.js'
import { freePorts, portAnswers, waitFor } from './net.js'

/** true once `check` holds, asked again for up to 45 s (a broker's view of the cluster settles in seconds) */
const eventually = async (check: () => Promise<boolean>) =>
  (await waitFor(async () => ((await check()) ? true : undefined), { timeoutMs: 45_000, intervalMs: 500 })) ?? false

describe('KafkaNodes: a three-node KRaft cluster of its own', () => {
  let nodes: KafkaNodes | undefined
  afterAll(() => nodes?.stop({ wipe: true }), 60_000)

  it('starts three nodes, survives the loss of one, takes it back, and stops without leftovers', async () => {
    const ports = await freePorts(6)
    const stateDir = mkdtempSync(join(tmpdir(), 'gochat-kafka-nodes-'))
    const layout = nodeLayout(3, '127.0.0.1', 0, 0).map((n, i) => ({
      ...n,
      port: ports[i]!,
      controllerPort: ports[i + 3]!,
    }))
    nodes = await new KafkaNodes({ stateDir, nodes: layout, dieWithParent: true }).start()
    expect(await eventually(() => nodes!.serves(3))).toBe(true)

    await nodes.kill(2)
    expect(nodes.pid(2)).toBeNull()
    expect(await portAnswers('127.0.0.1', layout[1]!.port)).toBe(false)
    // the two others still form a quorum and answer (the dead node stays listed until it is fenced)
    // the dead node stays listed until it is fenced (~6 s), and a group request may first meet it as coordinator
    expect(await eventually(() => nodes!.serves(3).then((three) => three || nodes!.serves(2)))).toBe(true)

    await nodes.startNodes(2)
    await nodes.waitReady()
    expect((await nodes.status()).map((s) => s.answers)).toEqual([true, true, true])

    await nodes.stop()
    for (const p of ports.slice(0, 3)) expect(await portAnswers('127.0.0.1', p)).toBe(false)
    expect((await nodes.status()).map((s) => s.pid)).toEqual([null, null, null])
  }, 180_000)
})
