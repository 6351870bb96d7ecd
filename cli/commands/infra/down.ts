import { BaseCommand } from '../../base-command.js'
import { renderTable } from '../../../src/presentation/table.js'
import { infraDown, type DownResult } from '../../../infra/index.js'

export default class InfraDown extends BaseCommand<typeof InfraDown> {
  static override summary =
    'Stop what `gochat infra up` started (a MariaDB or Redis that was already running is left alone)'
  static override examples = ['<%= config.bin %> infra down', '<%= config.bin %> infra down --json']

  public async run(): Promise<DownResult> {
    const result = await infraDown((line) => this.logToStderr(line))
    if (!this.jsonEnabled()) {
      this.log(
        renderTable(
          ['component', 'address', 'action'],
          result.components.map((c) => [c.name, c.address, c.action]),
        ),
      )
    }
    return result
  }
}
