// Configuration precedence: flags > GOCHAT_* environment > config file (JSON or YAML) > defaults.
// Bad configuration fails at start with an error naming the key, where it came from and the expected form.
import { readFileSync, existsSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { redactUrl } from '../observability/redact.js'
import { configKeys, envName, flagName, isSecretKey, type ConfigKey, type GochatConfig } from './keys.js'

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

export interface LoadOptions {
  /** values given as command-line flags, keyed by config key (snake_case) */
  flags?: Partial<Record<ConfigKey, unknown>>
  /** the flag each of those values was typed as, for error messages (default: the key's own flag name) */
  flagNames?: Partial<Record<ConfigKey, string>>
  /** where a flag value really came from, when it was not a flag (e.g. "context staging") */
  sources?: Partial<Record<ConfigKey, string>>
  env?: NodeJS.ProcessEnv
  /** path of a config file; defaults to $GOCHAT_CONFIG, then ./gochat.yaml or ./gochat.json if present */
  file?: string
}

function readFile(path: string): Record<string, unknown> {
  if (!existsSync(path)) throw new ConfigError(`config file ${path} does not exist`)
  const text = readFileSync(path, 'utf8')
  try {
    const data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text)
    if (data === null || data === undefined) return {}
    if (typeof data !== 'object' || Array.isArray(data))
      throw new Error('top level must be a mapping of keys to values')
    return data as Record<string, unknown>
  } catch (err) {
    throw new ConfigError(`config file ${path} cannot be read: ${(err as Error).message}`)
  }
}

function defaultFile(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GOCHAT_CONFIG) return env.GOCHAT_CONFIG
  return ['gochat.yaml', 'gochat.yml', 'gochat.json'].find((f) => existsSync(f))
}

/** A refused value as the error shows it: secrets by their length only, URLs without their password. */
function shown(key: string, raw: unknown): string {
  if (isSecretKey(key)) return typeof raw === 'string' ? `(a secret of ${raw.length} characters)` : '(a secret)'
  return redactUrl(JSON.stringify(raw) ?? String(raw))
}

export function loadConfig(opts: LoadOptions = {}): GochatConfig {
  const env = opts.env ?? process.env
  const filePath = opts.file ?? defaultFile(env)
  const fromFile = filePath ? readFile(filePath) : {}
  for (const key of Object.keys(fromFile)) {
    if (!(key in configKeys)) {
      throw new ConfigError(
        `config file ${filePath}: unknown key "${key}" (known keys: ${Object.keys(configKeys).join(', ')})`,
      )
    }
  }
  const out: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(configKeys) as [ConfigKey, (typeof configKeys)[ConfigKey]][]) {
    let raw: unknown = spec.default
    let source = 'default'
    if (fromFile[key] !== undefined) {
      raw = fromFile[key]
      source = `config file ${filePath}`
    }
    if (env[envName(key)] !== undefined) {
      raw = env[envName(key)]
      source = `environment ${envName(key)}`
    }
    if (opts.flags?.[key] !== undefined) {
      raw = opts.flags[key]
      source = opts.sources?.[key] ?? `flag --${opts.flagNames?.[key] ?? flagName(key)}`
    }
    const parsed = spec.schema.safeParse(raw)
    if (!parsed.success) {
      const why = parsed.error.issues[0]?.message ?? 'invalid'
      throw new ConfigError(`invalid ${key} from ${source}: ${shown(key, raw)} (${why}); expected ${spec.expected}`)
    }
    out[key] = parsed.data
  }
  const cfg = out as GochatConfig
  // a min ISR above the replica count would refuse every acks=all write
  if (cfg.min_insync_replicas > cfg.replication_factor)
    throw new ConfigError(
      `min_insync_replicas ${cfg.min_insync_replicas} is more than replication_factor ${cfg.replication_factor}: no write could ever be acknowledged`,
    )
  return cfg
}

/** Topic names follow the configured prefix: topicName(cfg, 'messages.dispatch') → 'gochat.messages.dispatch'. */
export const topicName = (cfg: Pick<GochatConfig, 'topic_prefix'>, suffix: string) => `${cfg.topic_prefix}.${suffix}`
