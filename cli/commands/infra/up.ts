import { BaseCommand } from '../../base-command.js'
import { renderTable } from '../../table.js'
import { infraUp, type UpResult } from '../../../infra/index.js'
import { LOCAL_CONTEXT, readContexts, writeContexts } from '../../contexts.js'

export default class InfraUp extends BaseCommand<typeof InfraUp> {
  static override summary = 'Start local Kafka, MariaDB and Redis (idempotent; uses whatever already answers)'
  static override description =
    `Kafka runs from jars that Maven copies into infra/kafka/libs (first run: 10–30 s); its data and log live in .gochat/kafka/. MariaDB (127.0.0.1:3306) and Redis (127.0.0.1:6379) are started only when they do not answer, and only those are stopped again by \`gochat infra down\`. Creates the gochat database.`
  static override examples = ['<%= config.bin %> infra up', '<%= config.bin %> infra up --json']

  public async run(): Promise<UpResult & { context: { name: string; current: boolean } }> {
    const result = await infraUp((line) => this.logToStderr(line))
    // the context "local" points at what was just started; current unless another one is
    const contexts = readContexts(this.config.configDir)
    contexts.contexts.local = LOCAL_CONTEXT
    contexts.current ??= 'local'
    writeContexts(this.config.configDir, contexts)
    if (!this.jsonEnabled()) {
      this.log(
        renderTable(
          ['component', 'address', 'action', 'pid', 'version', 'log'],
          result.components.map((c) => [
            c.name,
            c.address,
            `${c.action} (${(c.ms / 1000).toFixed(1)} s)`,
            c.pid,
            c.version,
            c.log,
          ]),
        ),
      )
      this.log(
        `database "${result.database}" ready; context "local" registered${contexts.current === 'local' ? ' and current: topics, groups, tail, dlq, db, bench and cluster need no flags now' : ` (current: ${contexts.current}; \`gochat context use local\` switches)`}`,
      )
      this.log(
        'gochat up stays on embedded drivers unless given: --kafka 127.0.0.1:9092 --mysql mysql://root@127.0.0.1:3306/gochat --redis redis://127.0.0.1:6379',
      )
    }
    return { ...result, context: { name: 'local', current: contexts.current === 'local' } }
  }
}
