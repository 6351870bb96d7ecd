// Local Kafka: one combined KRaft broker+controller on 127.0.0.1:9092, run straight from the jars that Maven
// copies out of Central (no Kafka install, no Docker). See infra/README.md.
import { spawn } from 'node:child_process'
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { logLevel } from 'kafkajs'
import { createKafka } from '../src/drivers/kafka/client.js'
import {
  brokerJavaArgs,
  KAFKA_CLUSTER_ID,
  KAFKA_HOST,
  KAFKA_PORT,
  kafkaVersionFromJars,
  renderServerProperties,
} from './kafka-config.js'
import { copyJars } from './maven.js'
import { portAnswers, sleep, waitFor } from './net.js'
import { kafkaPaths as P } from './paths.js'
import { cmdline, isAlive, readPid, run, tail } from './proc.js'
import { markStarted, markStopped, startedByUs } from './state.js'
import type { ComponentStatus, DownAction, Progress, UpAction } from './types.js'

const address = `${KAFKA_HOST}:${KAFKA_PORT}`
const START_TIMEOUT_MS = 60_000
/** Maven (cold) + format + start-up, with room to spare */
const LOCK_STALE_MS = 180_000

const readText = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : null)
const jarNames = () => (existsSync(P.libs) ? readdirSync(P.libs) : [])
export const kafkaVersion = () => kafkaVersionFromJars(jarNames())

/** The pid in .gochat/kafka/kafka.pid if that process is still our broker (not a recycled pid). */
function brokerPid(): number | null {
  const pid = readPid(P.pid)
  return pid && isAlive(pid) && cmdline(pid)?.includes('kafka.Kafka') ? pid : null
}

/** A broker that accepts connections is not necessarily serving yet: ask for metadata like a client would. */
async function adminAnswers(opts: { warmGroupCoordinator?: boolean } = {}): Promise<boolean> {
  if (!(await portAnswers(KAFKA_HOST, KAFKA_PORT))) return false
  const kafka = createKafka([address], 'gochat-infra', {
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 5000,
    retry: { retries: opts.warmGroupCoordinator ? 10 : 1, initialRetryTime: 100, maxRetryTime: 1000 },
  })
  const admin = kafka.admin()
  try {
    await admin.connect()
    await admin.listTopics()
    // The first group request of a fresh broker creates __consumer_offsets; doing it here means the first
    // consumer of a test run does not spend its time on "coordinator not available" retries.
    if (opts.warmGroupCoordinator) await admin.describeGroups(['gochat-infra-probe'])
    return true
  } catch {
    return false
  } finally {
    await admin.disconnect().catch(() => undefined)
  }
}

export async function kafkaStatus(): Promise<ComponentStatus> {
  return {
    name: 'kafka',
    address,
    url: address,
    answers: await adminAnswers(),
    pid: brokerPid(),
    startedByUs: startedByUs('kafka'),
    log: P.log,
    version: kafkaVersion(),
  }
}

/** mvn copy-dependencies, only when libs/ is missing or the pom changed since the last copy (infra/maven.ts). */
export function ensureLibs(progress: Progress): Promise<{ copied: boolean; ms: number }> {
  return copyJars(
    { what: 'Kafka', pom: P.pom, libs: P.libs, partial: P.libsPartial, hasMainJar: () => kafkaVersion() !== null },
    progress,
  )
}

/** Renders server.properties and formats the KRaft storage once (again only if the Kafka version changed). */
async function ensureFormatted(progress: Progress): Promise<void> {
  mkdirSync(P.dir, { recursive: true })
  writeFileSync(P.properties, renderServerProperties(readFileSync(P.template, 'utf8'), { stateDir: P.dir }))
  const version = kafkaVersion()!
  const formatted = existsSync(`${P.data}/meta.properties`)
  if (formatted && readText(P.formattedWith)?.trim() === version) return
  if (formatted) {
    // storage formatted by another Kafka version may not load (and never loads in an older one); the local data is
    // disposable, so start clean rather than fail
    progress(`Kafka ${version} replaces ${readText(P.formattedWith)?.trim() ?? 'an unknown version'}: wiping ${P.data}`)
    rmSync(P.data, { recursive: true, force: true })
  }
  const res = await run('java', [
    `-Dlog4j2.configurationFile=${P.log4j}`,
    '-cp',
    `${P.libs}/*`,
    'kafka.tools.StorageTool',
    'format',
    '--cluster-id',
    KAFKA_CLUSTER_ID,
    '--config',
    P.properties,
    '--ignore-formatted',
  ])
  if (res.code !== 0) throw new Error(`kafka-storage format failed (exit ${res.code}):\n${res.output.trim()}`)
  writeFileSync(P.formattedWith, version + '\n')
}

function startBroker(): number {
  const out = openSync(P.log, 'a')
  writeSync(out, `\n===== gochat infra up: starting Kafka ${kafkaVersion()} at ${new Date().toISOString()} =====\n`)
  // detached: its own process group, so it outlives this command and `infra down` can signal the whole group
  const child = spawn(
    'java',
    brokerJavaArgs({ libs: P.libs, log4j: P.log4j, properties: P.properties, heapOpts: process.env.KAFKA_HEAP_OPTS }),
    {
      cwd: P.dir,
      detached: true,
      stdio: ['ignore', out, out],
    },
  )
  closeSync(out)
  child.on('error', () => undefined) // ENOENT is caught by the java check in kafkaUp
  child.unref()
  if (!child.pid) throw new Error('could not start java (is a JDK 17+ on PATH?)')
  writeFileSync(P.pid, `${child.pid}\n`)
  return child.pid
}

/**
 * Several people (or test runs) may call `infra up` at once: one of them formats and starts the broker, the others
 * wait for it. The lock is a file created exclusively; one older than the longest start-up is left over from a
 * killed run and is taken over.
 */
function tryLock(): boolean {
  const lock = `${P.dir}/start.lock`
  mkdirSync(P.dir, { recursive: true })
  try {
    if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { force: true })
  } catch {
    /* no lock */
  }
  try {
    closeSync(openSync(lock, 'wx'))
    return true
  } catch {
    return false
  }
}
const unlock = () => rmSync(`${P.dir}/start.lock`, { force: true })

export async function kafkaUp(progress: Progress): Promise<UpAction> {
  if (await adminAnswers({ warmGroupCoordinator: true })) {
    // the jars also start the brokers of its own that a suite or `gochat chaos` runs (KafkaNodes): fetched even when
    // the broker that answers here is another checkout's; without them only those say so, not this broker
    await ensureLibs(progress).catch((err: Error) =>
      progress(`Kafka answers, but its jars could not be fetched here (own-broker suites need them): ${err.message}`),
    )
    return 'already running'
  }
  if (await portAnswers(KAFKA_HOST, KAFKA_PORT)) {
    throw new Error(`something listens on ${address} but does not answer as a Kafka broker; see ${P.log}`)
  }
  if (!tryLock()) {
    progress(`another \`gochat infra up\` is starting Kafka: waiting for ${address}`)
    const ok = await waitFor(async () => ((await adminAnswers({ warmGroupCoordinator: true })) ? true : undefined), {
      timeoutMs: LOCK_STALE_MS,
      intervalMs: 500,
      onWaiting: (s) => progress(`waiting for Kafka on ${address} (${s} s)…`),
    })
    if (!ok)
      throw new Error(
        `Kafka does not answer on ${address} while another infra up holds ${P.dir}/start.lock; see ${P.log}`,
      )
    return 'already running'
  }
  try {
    return await startLocked(progress)
  } finally {
    unlock()
  }
}

async function startLocked(progress: Progress): Promise<UpAction> {
  const java = await run('java', ['-version']).catch(() => null)
  if (java?.code !== 0)
    throw new Error('java is not installed: Kafka needs a JDK/JRE 17+ (apt-get install -y openjdk-17-jre-headless)')
  const libs = await ensureLibs(progress)
  if (libs.copied) progress(`Kafka ${kafkaVersion()} jars ready in ${(libs.ms / 1000).toFixed(1)} s`)
  await ensureFormatted(progress)
  progress(`starting Kafka ${kafkaVersion()} on ${address} (log: ${P.log})`)
  const pid = startBroker()
  const ready = await waitFor(
    async () => {
      if (!isAlive(pid)) throw new Error(`Kafka exited during start-up; last lines of ${P.log}:\n${tail(P.log)}`)
      return (await adminAnswers({ warmGroupCoordinator: true })) ? true : undefined
    },
    {
      timeoutMs: START_TIMEOUT_MS,
      intervalMs: 300,
      onWaiting: (s) => progress(`waiting for Kafka on ${address} (${s} s)…`),
    },
  )
  if (!ready) {
    throw new Error(
      `Kafka (pid ${pid}) does not answer on ${address} after ${START_TIMEOUT_MS / 1000} s; see ${P.log}:\n${tail(P.log)}`,
    )
  }
  markStarted('kafka', pid)
  return 'started'
}

export async function kafkaDown(progress: Progress): Promise<DownAction> {
  const pid = brokerPid()
  if (!pid && !(await portAnswers(KAFKA_HOST, KAFKA_PORT))) {
    markStopped('kafka')
    return 'not running'
  }
  if (!startedByUs('kafka') || !pid) return 'left running (not started by infra up)'
  progress(`stopping Kafka (pid ${pid})`)
  // SIGTERM → controlled shutdown (flushes logs, closes the metadata log); SIGKILL only if that hangs
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig)
    } catch {
      /* already gone */
    }
  }
  signal('SIGTERM')
  let gone = await waitFor(async () => (isAlive(pid) ? undefined : true), {
    timeoutMs: 30_000,
    onWaiting: (s) => progress(`waiting for Kafka to stop (${s} s)…`),
  })
  if (!gone) {
    progress('Kafka did not stop within 30 s: killing it')
    signal('SIGKILL')
    gone = await waitFor(async () => (isAlive(pid) ? undefined : true), { timeoutMs: 5000 })
    await sleep(100)
  }
  if (!gone) throw new Error(`Kafka (pid ${pid}) does not stop; see ${P.log}`)
  rmSync(P.pid, { force: true })
  appendFileSync(P.log, `===== gochat infra down: Kafka (pid ${pid}) stopped at ${new Date().toISOString()} =====\n`)
  markStopped('kafka')
  return 'stopped'
}
