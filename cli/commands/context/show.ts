// `gochat context show [NAME]`: the settings of the current (or a named) context.
import { Args } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { NotFoundError, UsageError } from '../../../src/core/operator-errors.js'
import { masked, readContexts } from '../../contexts.js'

export default class ContextShow extends BaseCommand<typeof ContextShow> {
  static override summary = 'Show the current context (or a named one)'
  static override examples = ['<%= config.bin %> context show', '<%= config.bin %> context show staging --json']
  static override args = { name: Args.string({ description: 'Context name (default: the current one)' }) }

  async run() {
    const all = readContexts(this.config.configDir)
    const name = this.args.name ?? all.current
    if (!name)
      throw new UsageError(
        'no current context',
        `\`${this.config.bin} context use NAME\`; \`${this.config.bin} infra up\` registers "local"`,
      )
    const c = all.contexts[name]
    if (!c) throw new NotFoundError(`no context "${name}"`, `see \`${this.config.bin} context list\``)
    const shown = { name, current: name === all.current, ...c, mysql: masked(c.mysql) }
    if (!this.jsonEnabled()) {
      this.log(`${name}${shown.current ? ' (current)' : ''}`)
      for (const [k, v] of Object.entries(c)) this.log(`  ${k}: ${k === 'mysql' ? masked(v) : v}`)
    }
    return shown
  }
}
