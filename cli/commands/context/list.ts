// `gochat context list`: every stored context, the current one marked.
import { BaseCommand } from '../../base-command.js'
import { renderTable } from '../../../src/presentation/table.js'
import { contextsFile, masked, readContexts } from '../../contexts.js'

export default class ContextList extends BaseCommand<typeof ContextList> {
  static override summary = 'List the stored contexts, the current one marked'
  static override examples = ['<%= config.bin %> context list', '<%= config.bin %> context list --json']

  async run() {
    const all = readContexts(this.config.configDir)
    const contexts = Object.entries(all.contexts).map(([name, c]) => ({
      name,
      current: name === all.current,
      ...c,
      mysql: masked(c.mysql),
    }))
    if (!this.jsonEnabled()) {
      if (contexts.length === 0)
        this.log(
          `no contexts in ${contextsFile(this.config.configDir)}; \`${this.config.bin} infra up\` registers "local", \`${this.config.bin} context add\` any other`,
        )
      else
        this.log(
          renderTable(
            ['', 'name', 'kafka', 'mysql', 'redis', 'topic prefix', 'redis key prefix'],
            contexts.map((c) => [
              c.current ? '*' : '',
              c.name,
              c.kafka,
              c.mysql,
              c.redis,
              c.topicPrefix,
              c.redisKeyPrefix,
            ]),
          ),
        )
    }
    return { current: all.current, file: contextsFile(this.config.configDir), contexts }
  }
}
