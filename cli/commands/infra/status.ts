import { BaseCommand } from '../../base-command.js'
import { renderTable } from '../../../src/presentation/table.js'
import { infraStatus, type StatusResult } from '../../../infra/index.js'

export default class InfraStatus extends BaseCommand<typeof InfraStatus> {
  static override summary =
    'Show whether local Kafka, MariaDB and Redis answer, with their addresses, pids and log files'
  static override examples = ['<%= config.bin %> infra status', '<%= config.bin %> infra status --json']

  public async run(): Promise<StatusResult> {
    const result = await infraStatus()
    if (!this.jsonEnabled()) {
      this.log(
        renderTable(
          ['component', 'address', 'answers', 'pid', 'started by infra up', 'version', 'log'],
          result.components.map((c) => [
            c.name,
            c.address,
            c.answers ? 'yes' : 'NO',
            c.pid,
            c.startedByUs ? 'yes' : 'no',
            c.version,
            c.log,
          ]),
        ),
      )
    }
    return result
  }
}
