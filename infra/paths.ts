// Where local infrastructure lives. Everything is relative to the repository root (found from this file, not
// from the working directory, so `gochat infra …` behaves the same from any folder of the checkout).
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

export const repoRoot = fileURLToPath(new URL('../', import.meta.url)).replace(/\/$/, '')

/** Runtime state (data dirs, logs, pid files): ignored by git. */
export const stateDir = join(repoRoot, '.gochat')
export const stateFile = join(stateDir, 'infra-state.json')

export const kafkaPaths = {
  /** checked in: the Maven project, the properties template and the logging configuration */
  pom: join(repoRoot, 'infra/kafka/pom.xml'),
  template: join(repoRoot, 'infra/kafka/server.properties'),
  log4j: join(repoRoot, 'infra/kafka/log4j2.properties'),
  /** ignored by git: jars copied by Maven, plus the hash of the pom they came from */
  libs: join(repoRoot, 'infra/kafka/libs'),
  libsHash: join(repoRoot, 'infra/kafka/libs/.pom.sha256'),
  /** runtime state */
  dir: join(stateDir, 'kafka'),
  libsPartial: join(stateDir, 'kafka/libs.partial'),
  properties: join(stateDir, 'kafka/server.properties'),
  data: join(stateDir, 'kafka/data'),
  formattedWith: join(stateDir, 'kafka/formatted-with'),
  log: join(stateDir, 'kafka/kafka.log'),
  pid: join(stateDir, 'kafka/kafka.pid'),
}

export const redisPaths = {
  /** only used when `infra up` starts Redis itself; a Redis found running keeps its own log file */
  log: join(stateDir, 'redis/redis.log'),
}

export const s3proxyPaths = {
  /** checked in: the Maven project and the logging configuration */
  pom: join(repoRoot, 'infra/s3proxy/pom.xml'),
  logback: join(repoRoot, 'infra/s3proxy/logback.xml'),
  /** ignored by git: jars copied by Maven */
  libs: join(repoRoot, 'infra/s3proxy/libs'),
  /** runtime state of `infra up`'s S3Proxy */
  dir: join(stateDir, 's3proxy'),
  libsPartial: join(stateDir, 's3proxy/libs.partial'),
  data: join(stateDir, 's3proxy/data'),
  log: join(stateDir, 's3proxy/s3proxy.log'),
  pid: join(stateDir, 's3proxy/s3proxy.pid'),
}
