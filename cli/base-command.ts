// Shared flags and behaviour of every gochat command: configuration loading, --json, clear errors.
//
// Exit codes: 0 success; 1 unexpected failure (a bug or an unclassified error); 2 bad input, bad configuration
// or something named that does not exist; 3 a dependency (Kafka, MySQL, Redis, a gateway) did not answer.
// Errors go to stderr as "Error: …" (and "Hint: …"); under --json they go to stdout instead, as one line
// {"error":{"code","message","hint"}} with code usage | not_found | unreachable | failed (the command stopped, as it
// said: a deletion not confirmed) | internal (a bug: its stack goes to stderr). No operator error prints a stack.
import { Command, Errors, Flags, type Interfaces } from '@oclif/core'
import { useKafkaSecurity } from '../src/drivers/kafka/security.js'
import { ConfigError, envName, loadConfig, type ConfigKey, type GochatConfig } from '../src/config/index.js'
import { contextKeys, currentContext } from './contexts.js'
import { CliError, NotFoundError, UnreachableError, UsageError } from '../src/core/operator-errors.js'
import { ApiError } from '../src/client/rest.js'

/** commands that operate a deployment, and so use the current context (not up, serve, infra, context) */
const OPERATIONAL = /^(topics|groups|tail|produce|dlq|db|bench|cluster|doctor|users)(:|$)/

export interface ErrorJson {
  error: { code: string; message: string; hint: string | null }
}

/**
 * The operator error an error stands for, or null for a bug. One classification for every command: our own
 * CliErrors; configuration errors (bad input, exit 2); oclif's parse errors and `this.error(…, {exit})`; a
 * gateway's refusal (ApiError: 4xx is the operator's input, 5xx a dependency that is not serving).
 */
export function operatorError(err: Error & { oclif?: { exit?: number } }): CliError | null {
  if (err instanceof CliError) return err
  if (err instanceof ConfigError) return new UsageError(err.message)
  if (err instanceof ApiError) {
    if (err.status === 404) return new NotFoundError(err.message)
    return err.status >= 500 ? new UnreachableError(err.message) : new UsageError(err.message)
  }
  if (err instanceof Errors.CLIError) {
    const exit = err.oclif?.exit ?? 2
    const message = err.message.replace(/^Error: /, '')
    // the command's own words (this.error): never a stack
    if (exit === 2) return new UsageError(message)
    if (exit === 3) return new UnreachableError(message)
    return new CliError(message, exit, 'failed') // e.g. a deletion not confirmed
  }
  return null
}

/** The operator's view of any error: its exit code and the --json error object (internal for a bug). */
export function describeError(err: Error & { oclif?: { exit?: number } }): { exitCode: number; json: ErrorJson } {
  const classified = operatorError(err)
  const exitCode = classified?.exitCode ?? 1
  const code = classified?.code ?? 'internal'
  const message = (classified?.message || err.message || String(err)).replace(/^Error: /, '')
  return { exitCode, json: { error: { code, message, hint: classified?.hint ?? null } } }
}

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<
  (typeof BaseCommand)['baseFlags'] & T['flags']
>

export abstract class BaseCommand<T extends typeof Command> extends Command {
  static override enableJsonFlag = true

  static override baseFlags = {
    config: Flags.string({
      description: 'Config file (JSON or YAML); default $GOCHAT_CONFIG or ./gochat.yaml',
      helpGroup: 'GLOBAL',
    }),
    kafka: Flags.string({
      description: 'Kafka brokers host:port[,…] ("embedded" for the in-process bus)',
      helpGroup: 'GLOBAL',
    }),
    mysql: Flags.string({ description: 'MySQL URL, e.g. mysql://root@127.0.0.1:3306/gochat', helpGroup: 'GLOBAL' }),
    redis: Flags.string({
      description: 'Redis URL, e.g. redis://127.0.0.1:6379; a Redis Cluster: redis+cluster://h1:p1,h2:p2',
      helpGroup: 'GLOBAL',
    }),
    'redis-key-prefix': Flags.string({
      description: 'Prefix of every Redis key, to share one Redis database (default none)',
      helpGroup: 'GLOBAL',
    }),
    'topic-prefix': Flags.string({ description: 'Prefix of every topic name (default gochat)', helpGroup: 'GLOBAL' }),
  }

  protected flags!: BaseFlags<T>
  protected args!: Interfaces.InferredArgs<T['args']>
  protected cfg!: GochatConfig

  /** Config keys this command sets from its own flags, beyond the base ones. */
  protected configFlags(): Partial<Record<ConfigKey, unknown>> {
    return {}
  }

  public override async init(): Promise<void> {
    await super.init()
    const { args, flags } = await this.parse({
      flags: this.ctor.flags,
      baseFlags: (super.ctor as typeof BaseCommand).baseFlags,
      enableJsonFlag: this.ctor.enableJsonFlag,
      args: this.ctor.args,
      strict: this.ctor.strict,
    })
    this.flags = flags as BaseFlags<T>
    this.args = args as Interfaces.InferredArgs<T['args']>
    const own = this.configFlags()
    const values: Partial<Record<ConfigKey, unknown>> = {
      kafka_brokers: this.flags.kafka,
      mysql_url: this.flags.mysql,
      redis_url: this.flags.redis,
      topic_prefix: this.flags['topic-prefix'],
      redis_key_prefix: this.flags['redis-key-prefix'],
      ...own,
    }
    try {
      const sources = this.fromContext(values)
      this.cfg = loadConfig({
        file: this.flags.config,
        flags: values,
        flagNames: {
          kafka_brokers: 'kafka',
          mysql_url: 'mysql',
          redis_url: 'redis',
          topic_prefix: 'topic-prefix',
          redis_key_prefix: 'redis-key-prefix',
          ...this.typedFlagNames(own),
        },
        sources,
      })
    } catch (err) {
      if (err instanceof ConfigError) throw new UsageError(err.message)
      throw err
    }
    try {
      // every Kafka client this command makes (bus, admin, tail, …) uses the configured SASL and TLS
      useKafkaSecurity(this.cfg)
    } catch (err) {
      throw new UsageError((err as Error).message)
    }
  }

  /**
   * Operational commands take what neither a flag nor a GOCHAT_* variable gives from the current context
   * (`gochat context use`); fills those into flags and returns where they came from.
   */
  private fromContext(flags: Partial<Record<ConfigKey, unknown>>): Partial<Record<ConfigKey, string>> {
    if (!OPERATIONAL.test(this.id ?? '')) return {}
    const current = currentContext(this.config.configDir)
    if (!current) return {}
    const sources: Partial<Record<ConfigKey, string>> = {}
    for (const [field, key] of Object.entries(contextKeys) as Array<[keyof typeof contextKeys, ConfigKey]>) {
      const value = current.context[field]
      if (value === undefined || flags[key] !== undefined || process.env[envName(key)] !== undefined) continue
      flags[key] = value
      sources[key] = `context ${current.name}`
    }
    return sources
  }

  /** For error messages: which typed flag gave each of this command's own config values (--port, not --gateway-port). */
  private typedFlagNames(own: Partial<Record<ConfigKey, unknown>>): Partial<Record<ConfigKey, string>> {
    const typed = new Set(this.argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')[0]!))
    const flags = this.flags as Record<string, unknown>
    const names: Partial<Record<ConfigKey, string>> = {}
    for (const [key, value] of Object.entries(own) as Array<[ConfigKey, unknown]>) {
      const flag = value === undefined ? undefined : Object.keys(flags).find((f) => typed.has(f) && flags[f] === value)
      if (flag) names[key] = flag
    }
    return names
  }

  /** --json output wanted: the oclif flag, or a command's own --json (tail prints JSON lines) */
  protected wantsJson(): boolean {
    return (
      this.jsonEnabled() ||
      (this.argv.includes('--json') && !this.argv.slice(0, this.argv.indexOf('--json')).includes('--'))
    )
  }

  /**
   * Every command's errors end here. An operator error (anything operatorError classifies) prints as
   * "Error: …" lines and a "Hint: …" on stderr, or one JSON object on stdout under --json, and never a stack;
   * only a bug (exit 1, code internal) keeps its stack, on stderr, for the report.
   */
  protected override async catch(err: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    if (err instanceof Errors.ExitError) throw err // this.exit(n): not an error to report
    const operator = operatorError(err)
    if (this.wantsJson()) {
      const { exitCode, json } = describeError(err)
      process.stdout.write(`${JSON.stringify(json)}\n`)
      if (!operator) process.stderr.write(`${err.stack ?? err.message}\n`)
      this.exit(exitCode)
    }
    if (operator) {
      for (const line of operator.message.split('\n')) this.logToStderr(`Error: ${line}`) // one line per failure
      if (operator.hint) this.logToStderr(`Hint: ${operator.hint}`)
      this.exit(operator.exitCode)
    }
    return super.catch(err)
  }
}
