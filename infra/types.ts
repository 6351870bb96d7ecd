// The data objects that `gochat infra up|down|status` return (and print as JSON with --json).

/**
 * kafka-cluster: the N-node cluster of `infra up --brokers N` (its nodes show as kafka-1, kafka-2, …);
 * redis-cluster: the Redis Cluster of `infra up --redis-cluster` (its nodes show as redis-7001, …);
 * s3: S3Proxy, the S3-API server of the S3 blob driver (infra/s3proxy.ts)
 */
export type ComponentName = 'kafka' | 'kafka-cluster' | 'mysql' | 'redis' | 'redis-cluster' | 's3'

export interface ComponentStatus {
  name: ComponentName | `kafka-${number}` | `redis-${number}`
  /** host:port it listens on */
  address: string
  /** how gochat is pointed at it (--kafka, --mysql, --redis) */
  url: string
  /** it accepted a connection and answered a request */
  answers: boolean
  pid: number | null
  /** started by `gochat infra up`, so `gochat infra down` stops it */
  startedByUs: boolean
  log: string | null
  version: string | null
}

export type UpAction = 'already running' | 'started'
export type DownAction = 'stopped' | 'not running' | 'left running (not started by infra up)'

export interface UpResult {
  components: Array<ComponentStatus & { action: UpAction; ms: number }>
  /** the database created (if missing) in MySQL */
  database: string
  ms: number
}

export interface DownResult {
  components: Array<{ name: ComponentName; address: string; action: DownAction; ms: number }>
}

export interface StatusResult {
  components: ComponentStatus[]
  stateFile: string
}

/** Progress lines for people while something slow happens (the commands write them to stderr). */
export type Progress = (line: string) => void
