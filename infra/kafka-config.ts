// Pure parts of the local Kafka setup (no I/O), unit-tested in infra/infra.test.ts.
import { createHash } from 'node:crypto'

export const KAFKA_HOST = '127.0.0.1'
export const KAFKA_PORT = 9092
/** 9093 and 9094 are gochat's task and repo metrics ports, so the controller listener sits elsewhere */
export const KAFKA_CONTROLLER_PORT = 19093
/**
 * Fixed, so that a wiped data directory is re-formatted into "the same" cluster. It is base64url of the 16 bytes
 * "gochat-local-kaf", i.e. a valid UUID as StorageTool expects.
 */
export const KAFKA_CLUSTER_ID = 'Z29jaGF0LWxvY2FsLWthZg'

/** Fills the checked-in template: @STATE_DIR@ becomes the absolute path of .gochat/kafka. */
export function renderServerProperties(template: string, vars: { stateDir: string }): string {
  if (!vars.stateDir.startsWith('/')) throw new Error(`stateDir must be absolute, got ${vars.stateDir}`)
  const out = template.replaceAll('@STATE_DIR@', vars.stateDir.replace(/\/$/, ''))
  const left = /@[A-Z_]+@/.exec(out)
  if (left) throw new Error(`server.properties template has an unknown placeholder ${left[0]}`)
  return out
}

/** Java .properties, the subset Kafka's files use: key=value lines, # or ! comments, no continuations. */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith('!')) continue
    const eq = line.search(/[=:]/)
    if (eq < 0) out[line] = ''
    else out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim()
  }
  return out
}

/** Ports a rendered configuration listens on (listeners=NAME://host:port,…). */
export function listenerPorts(props: Record<string, string>): number[] {
  return (props.listeners ?? '')
    .split(',')
    .map((l) => Number(/:(\d+)$/.exec(l.trim())?.[1]))
    .filter((p) => Number.isInteger(p) && p > 0)
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Maven runs only when the jars are missing or were copied from a different pom. */
export function needsCopyDependencies(pom: string, recordedHash: string | null, hasKafkaJar: boolean): boolean {
  return !hasKafkaJar || recordedHash?.trim() !== sha256(pom)
}

/** "4.4.0" from the copied jar names (kafka_2.13-4.4.0.jar), or null. */
export function kafkaVersionFromJars(files: string[]): string | null {
  for (const f of files) {
    const m = /^kafka_2\.1\d-(\d[\w.-]*)\.jar$/.exec(f)
    if (m) return m[1]!
  }
  return null
}

/** JVM arguments of the broker; KAFKA_HEAP_OPTS (as in Kafka's own scripts) overrides the small default heap. */
export function brokerJavaArgs(opts: {
  libs: string
  log4j: string
  properties: string
  heapOpts?: string
  /**
   * several nodes on a few busy cores (kafka-nodes.ts): the serial collector and the C1 compiler only, which
   * start sooner and take less CPU than G1 and C2 at the small loads of tests
   */
  lean?: boolean
}): string[] {
  const heap = (opts.heapOpts ?? '-Xms256m -Xmx512m').split(/\s+/).filter(Boolean)
  return [
    ...heap,
    ...(opts.lean ? ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'] : ['-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20']),
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    // log4j's own hook races Kafka's shutdown and logs "Unable to register Log4j shutdown hook"; the console
    // appender flushes every line, so nothing is lost without it
    '-Dlog4j2.shutdownHookEnabled=false',
    `-Dlog4j2.configurationFile=${opts.log4j}`,
    '-cp',
    `${opts.libs}/*`,
    'kafka.Kafka',
    opts.properties,
  ]
}

/** One node of a multi-node KRaft cluster: combined broker+controller, as the harness in kafka-nodes.ts runs it. */
export interface KafkaNodeAddress {
  id: number
  /** the address it listens on and advertises (may be a network namespace's, never only loopback by force) */
  host: string
  port: number
  controllerPort: number
}

/**
 * server.properties of one node of an N-node cluster: every node is a voter of the one controller quorum; topics
 * and internal topics get min(3, N) replicas and a min ISR of 2 from three nodes on (so one broker may be lost
 * without refusing acks=all writes). Fast failure detection: a killed broker is fenced, and drops out of every ISR,
 * after broker.session.timeout.ms.
 */
export function kraftNodeProperties(node: KafkaNodeAddress, all: KafkaNodeAddress[], dataDir: string): string {
  if (!dataDir.startsWith('/')) throw new Error(`dataDir must be absolute, got ${dataDir}`)
  if (!all.some((n) => n.id === node.id)) throw new Error(`node ${node.id} is not one of the cluster's nodes`)
  const rf = Math.min(3, all.length)
  const minIsr = rf >= 3 ? 2 : 1
  const props: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': node.id,
    'controller.quorum.voters': all.map((n) => `${n.id}@${n.host}:${n.controllerPort}`).join(','),
    'controller.listener.names': 'CONTROLLER',
    listeners: `PLAINTEXT://${node.host}:${node.port},CONTROLLER://${node.host}:${node.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${node.host}:${node.port}`,
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': dataDir,
    'auto.create.topics.enable': 'false',
    'num.partitions': 3,
    'default.replication.factor': rf,
    'min.insync.replicas': minIsr,
    'offsets.topic.replication.factor': rf,
    'offsets.topic.num.partitions': 10,
    'transaction.state.log.replication.factor': rf,
    'transaction.state.log.min.isr': minIsr,
    'share.coordinator.state.topic.replication.factor': rf,
    'share.coordinator.state.topic.min.isr': minIsr,
    'unclean.leader.election.enable': 'false',
    // defaults 2 s / 9 s: a dead broker is fenced (and leaves every ISR) after 6 s; not less, since on two loaded
    // cores a live broker's heartbeat can be late by a few seconds
    'broker.heartbeat.interval.ms': 1000,
    'broker.session.timeout.ms': 6000,
    'group.initial.rebalance.delay.ms': 0,
    'log.cleaner.dedupe.buffer.size': 1048577,
    'num.network.threads': 2,
    'num.io.threads': 2,
    'num.recovery.threads.per.data.dir': 1,
  }
  return `# gochat KRaft node ${node.id} of ${all.length} (written by infra/kafka-nodes.ts)\n${Object.entries(props)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`
}
