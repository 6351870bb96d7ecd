// `gochat infra up|down|status`: MariaDB, Redis and Kafka for development and CI, on their documented local
// addresses (127.0.0.1:3306, :6379, :9092). Each function returns a plain data object; the commands print it.
import { existsSync } from 'node:fs'
import { kafkaDown, kafkaStatus, kafkaUp } from './kafka.js'
import { MYSQL_DATABASE, mysqlDown, mysqlStatus, mysqlUp } from './mysql.js'
import { stateFile } from './paths.js'
import { redisDown, redisStatus, redisUp } from './redis.js'
import type {
  ComponentName,
  ComponentStatus,
  DownAction,
  DownResult,
  Progress,
  StatusResult,
  UpAction,
  UpResult,
} from './types.js'

export type * from './types.js'

const silent: Progress = () => undefined
const addresses: Record<ComponentName, string> = {
  kafka: '127.0.0.1:9092',
  mysql: '127.0.0.1:3306',
  redis: '127.0.0.1:6379',
}

const components: Record<
  ComponentName,
  {
    up: (p: Progress) => Promise<UpAction>
    down: (p: Progress) => Promise<DownAction>
    status: () => Promise<ComponentStatus>
  }
> = {
  mysql: { up: mysqlUp, down: mysqlDown, status: mysqlStatus },
  redis: { up: redisUp, down: redisDown, status: redisStatus },
  kafka: { up: kafkaUp, down: kafkaDown, status: kafkaStatus },
}

/** a log path only where there is a file (a broker run from another checkout logs elsewhere) */
const withExistingLog = (s: ComponentStatus): ComponentStatus => ({
  ...s,
  log: s.log && existsSync(s.log) ? s.log : null,
})

/** Idempotent: uses what already answers, starts the rest, creates the gochat database. */
export async function infraUp(progress: Progress = silent): Promise<UpResult> {
  const start = Date.now()
  // MariaDB and Redis start in a second; Kafka (possibly a Maven download first) is the slow one, so all three
  // are brought up at the same time
  const names: ComponentName[] = ['kafka', 'mysql', 'redis']
  const settled = await Promise.allSettled(
    names.map(async (name) => {
      const t = Date.now()
      const action = await components[name].up(progress)
      return { action, ms: Date.now() - t }
    }),
  )
  const failures = settled.flatMap((s, i) =>
    s.status === 'rejected' ? [`${names[i]}: ${(s.reason as Error).message}`] : [],
  )
  if (failures.length) throw new Error(failures.join('\n'))
  const statuses = await Promise.all(names.map((n) => components[n].status()))
  return {
    components: statuses
      .map(withExistingLog)
      .map((s, i) => ({ ...s, ...(settled[i] as PromiseFulfilledResult<{ action: UpAction; ms: number }>).value })),
    database: MYSQL_DATABASE,
    ms: Date.now() - start,
  }
}

/** Stops only what `infraUp` started (recorded in .gochat/infra-state.json); everything else is left alone. */
export async function infraDown(progress: Progress = silent): Promise<DownResult> {
  const out: DownResult['components'] = []
  for (const name of ['kafka', 'redis', 'mysql'] as const) {
    const t = Date.now()
    const action = await components[name].down(progress)
    out.push({ name, address: addresses[name], action, ms: Date.now() - t })
  }
  return { components: out }
}

export async function infraStatus(): Promise<StatusResult> {
  const statuses = await Promise.all((['kafka', 'mysql', 'redis'] as const).map((n) => components[n].status()))
  return { components: statuses.map(withExistingLog), stateFile }
}
