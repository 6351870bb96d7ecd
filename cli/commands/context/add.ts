// `gochat context add NAME`: stores (or updates) a named context from --kafka, --mysql, --redis and the prefixes.
import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { UsageError } from '../../../src/core/operator-errors.js'
import { readContexts, writeContexts, type Context } from '../../contexts.js'

export default class ContextAdd extends BaseCommand<typeof ContextAdd> {
  static override summary = 'Add or update a named context: where Kafka, MySQL and Redis are, and the prefixes'
  static override description =
    `Stored in <config dir>/contexts.json (~/.config/gochat; $GOCHAT_CONFIG_DIR overrides). Values are checked as the commands check them. --use makes it the current context, which topics, groups, tail, dlq, db, bench and cluster then use when no flag or GOCHAT_* variable says otherwise.`
  static override examples = [
    '<%= config.bin %> context add staging --kafka kafka-1.staging:9092 --mysql mysql://gochat@db.staging/gochat --redis redis://redis.staging:6379 --use',
    '<%= config.bin %> context add itest --kafka 127.0.0.1:9092 --topic-prefix itest',
  ]
  static override args = { name: Args.string({ description: 'Context name', required: true }) }
  static override flags = { use: Flags.boolean({ description: 'Also make it the current context' }) }

  async run() {
    const name = this.args.name
    if (!/^[\w.-]+$/.test(name))
      throw new UsageError(`context name "${name}": use letters, digits, dot, dash, underscore`)
    const f = this.flags
    const context: Context = Object.fromEntries(
      Object.entries({
        kafka: f.kafka,
        mysql: f.mysql,
        redis: f.redis,
        topicPrefix: f['topic-prefix'],
        redisKeyPrefix: f['redis-key-prefix'],
      }).filter(([, v]) => v !== undefined),
    )
    if (Object.keys(context).length === 0)
      throw new UsageError(
        'a context needs at least one setting',
        'give --kafka, --mysql, --redis, --topic-prefix or --redis-key-prefix',
      )
    const all = readContexts(this.config.configDir)
    const updated = name in all.contexts
    all.contexts[name] = context
    if (f.use) all.current = name
    writeContexts(this.config.configDir, all)
    this.log(
      `context ${name} ${updated ? 'updated' : 'added'}${all.current === name ? ' (current)' : `; \`${this.config.bin} context use ${name}\` makes it current`}`,
    )
    return { name, context, current: all.current === name }
  }
}
