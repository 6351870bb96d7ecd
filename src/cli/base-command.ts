// Shared flags and behaviour of every gochat command: configuration loading, --json, clear errors.
import { Command, Flags, type Interfaces } from '@oclif/core'
import { ConfigError, loadConfig, type ConfigKey, type GochatConfig } from '../config/index.js'

/** Exit codes: 2 for bad input or configuration, 3 for an unreachable dependency. */
export class UsageError extends Error {
  exitCode = 2
}
export class UnreachableError extends Error {
  exitCode = 3
}

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof BaseCommand)['baseFlags'] & T['flags']>

export abstract class BaseCommand<T extends typeof Command> extends Command {
  static override enableJsonFlag = true

  static override baseFlags = {
    config: Flags.string({ description: 'Config file (JSON or YAML); default $GOCHAT_CONFIG or ./gochat.yaml', helpGroup: 'GLOBAL' }),
    kafka: Flags.string({ description: 'Kafka brokers host:port[,…] ("embedded" for the in-process bus)', helpGroup: 'GLOBAL' }),
    mysql: Flags.string({ description: 'MySQL URL, e.g. mysql://root@127.0.0.1:3306/gochat', helpGroup: 'GLOBAL' }),
    redis: Flags.string({ description: 'Redis URL, e.g. redis://127.0.0.1:6379', helpGroup: 'GLOBAL' }),
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
    try {
      this.cfg = loadConfig({
        file: this.flags.config,
        flags: {
          kafka_brokers: this.flags.kafka,
          mysql_url: this.flags.mysql,
          redis_url: this.flags.redis,
          topic_prefix: this.flags['topic-prefix'],
          ...this.configFlags(),
        },
      })
    } catch (err) {
      if (err instanceof ConfigError) this.error(err.message, { exit: 2 })
      throw err
    }
  }

  protected override async catch(err: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    if (err instanceof UsageError || err instanceof UnreachableError) {
      this.logToStderr(`Error: ${err.message}`)
      this.exit(err.exitCode)
    }
    return super.catch(err)
  }
}
