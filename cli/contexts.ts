// Named contexts, as kafkactl and kaf have them: where Kafka, MySQL and Redis are, and the prefixes, stored in
// <config dir>/contexts.json (~/.config/gochat, or $GOCHAT_CONFIG_DIR). Operational commands (topics, groups,
// tail, dlq, db, bench, cluster) use the current context for what no flag and no GOCHAT_* variable gives;
// `gochat up` and `serve` never do (they stay on embedded drivers unless told).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ConfigKey } from '../src/config/index.js'
import { UsageError } from '../src/core/operator-errors.js'

export interface Context {
  kafka?: string
  mysql?: string
  redis?: string
  topicPrefix?: string
  redisKeyPrefix?: string
}
export interface Contexts {
  current: string | null
  contexts: Record<string, Context>
}

/** the configuration key each context field sets */
export const contextKeys: Record<keyof Context, ConfigKey> = {
  kafka: 'kafka_brokers',
  mysql: 'mysql_url',
  redis: 'redis_url',
  topicPrefix: 'topic_prefix',
  redisKeyPrefix: 'redis_key_prefix',
}

/** what `gochat infra up` starts, registered by it as the context "local" */
export const LOCAL_CONTEXT: Context = {
  kafka: '127.0.0.1:9092',
  mysql: 'mysql://root@127.0.0.1:3306/gochat',
  redis: 'redis://127.0.0.1:6379',
}

export const contextsFile = (configDir: string) => join(configDir, 'contexts.json')

export function readContexts(configDir: string): Contexts {
  const path = contextsFile(configDir)
  if (!existsSync(path)) return { current: null, contexts: {} }
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<Contexts>
    return { current: data.current ?? null, contexts: data.contexts ?? {} }
  } catch (err) {
    throw new UsageError(`${path} cannot be read: ${(err as Error).message}`, 'fix or delete the file')
  }
}

export function writeContexts(configDir: string, contexts: Contexts): void {
  mkdirSync(configDir, { recursive: true })
  const path = contextsFile(configDir)
  writeFileSync(`${path}.tmp`, `${JSON.stringify(contexts, null, 2)}\n`)
  renameSync(`${path}.tmp`, path)
}

/** the current context, if there is one */
export function currentContext(configDir: string): { name: string; context: Context } | null {
  const all = readContexts(configDir)
  const context = all.current ? all.contexts[all.current] : undefined
  return context ? { name: all.current!, context } : null
}

/** for display: a password in a URL becomes … */
export const masked = (url?: string) => url?.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:…@')
