// `gochat context use NAME`: makes a stored context the current one.
import { Args } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { NotFoundError } from '../../../src/core/operator-errors.js'
import { readContexts, writeContexts } from '../../contexts.js'

export default class ContextUse extends BaseCommand<typeof ContextUse> {
  static override summary = 'Make a context the current one (used by operational commands without flags)'
  static override examples = ['<%= config.bin %> context use local', '<%= config.bin %> context use staging']
  static override args = { name: Args.string({ description: 'Context name', required: true }) }

  async run() {
    const all = readContexts(this.config.configDir)
    if (!(this.args.name in all.contexts)) {
      const names = Object.keys(all.contexts)
      throw new NotFoundError(
        `no context "${this.args.name}"`,
        names.length
          ? `known: ${names.join(', ')}`
          : `add one with \`${this.config.bin} context add\`, or run \`${this.config.bin} infra up\` for "local"`,
      )
    }
    all.current = this.args.name
    writeContexts(this.config.configDir, all)
    this.log(`current context: ${this.args.name}`)
    return { current: this.args.name }
  }
}
