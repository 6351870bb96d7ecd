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
export function brokerJavaArgs(opts: { libs: string; log4j: string; properties: string; heapOpts?: string }): string[] {
  const heap = (opts.heapOpts ?? '-Xms256m -Xmx512m').split(/\s+/).filter(Boolean)
  return [
    ...heap,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
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
