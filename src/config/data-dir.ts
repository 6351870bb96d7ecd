// The data directory of `gochat up`: where the embedded durable store (gochat.db, SQLite) and the token-signing
// secret live, so that users, history and the tokens already handed out survive a restart. The secret is made
// once (32 random bytes, file mode 0600) and used whenever no jwt_secret is configured; a configured one wins.
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { ConfigError } from './load.js'
import { configKeys, type GochatConfig } from './keys.js'

export const DB_FILE = 'gochat.db'
export const SECRET_FILE = 'secret'

/** $XDG_DATA_HOME/gochat, else ~/.local/share/gochat */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME?.trim() ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share')
  return join(base, 'gochat')
}

/** creates the directory (0700: it holds the secret) and returns its absolute path */
export function ensureDataDir(dir: string): string {
  const abs = resolve(dir)
  mkdirSync(abs, { recursive: true, mode: 0o700 })
  return abs
}

/** the secret stored in the directory, made on first use; a secret file that is too short is an error */
export function dataDirSecret(dir: string): string {
  const file = join(dir, SECRET_FILE)
  try {
    // 'wx': only the first start writes it, even when two race
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
  chmodSync(file, 0o600)
  const secret = readFileSync(file, 'utf8').trim()
  if (secret.length < 32)
    throw new ConfigError(
      `${file} holds a secret of ${secret.length} characters; at least 32 are needed (delete the file to make a new one, which ends every token)`,
    )
  return secret
}

/**
 * The configuration `gochat up` runs with on a data directory: the stored secret unless jwt_secret is configured.
 * Refuses async persistence on the embedded bus, whose records do not outlive the process (messages acked
 * before they are stored would be lost by a restart).
 */
export function withDataDir(cfg: GochatConfig, dir: string): GochatConfig {
  if (cfg.persistence === 'async' && cfg.kafka_brokers.length === 0) {
    throw new ConfigError(
      'persistence async needs Kafka: on the embedded bus, messages acked before they are stored would not survive a restart. Use persistence sync (the default) or --kafka',
    )
  }
  const configured = cfg.jwt_secret !== configKeys.jwt_secret.default
  return { ...cfg, data_dir: dir, jwt_secret: configured ? cfg.jwt_secret : dataDirSecret(dir) }
}
