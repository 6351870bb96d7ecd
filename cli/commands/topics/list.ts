import { BaseCommand } from '../../base-command.js'
import { renderTable } from '../../../src/presentation/table.js'
import { catalog } from '../../../src/contracts/topics.js'
import { withAdmin } from '../../../src/ops/kafka/admin.js'
import { listTopics } from '../../../src/ops/kafka/topics.js'

export interface ListResult {
  topics: Array<{ name: string; partitions: number; inCatalog: boolean }>
  /** catalog topics that do not exist in the cluster (run `gochat topics create`) */
  missing: string[]
}

export default class TopicsList extends BaseCommand<typeof TopicsList> {
  static override summary = 'List the topics of the cluster and whether each belongs to the gochat catalog'
  static override description =
    `Every topic of the cluster except Kafka's internal ones, with its partition count and whether it is one of the catalog topics for the configured prefix and gateway ids. Catalog topics that do not exist are listed after the table.`

  static override examples = [
    '<%= config.bin %> topics list --kafka 127.0.0.1:9092',
    '<%= config.bin %> topics list --kafka 127.0.0.1:9092 --topic-prefix staging --json',
  ]

  public async run(): Promise<ListResult> {
    const wanted = new Set(catalog(this.cfg).map((t) => t.name))
    const found = await withAdmin(this.cfg, (h) => listTopics(h))
    const result: ListResult = {
      topics: found.map((t) => ({ ...t, inCatalog: wanted.has(t.name) })),
      missing: [...wanted].filter((n) => !found.some((t) => t.name === n)),
    }
    if (!this.jsonEnabled()) {
      this.log(
        renderTable(
          ['topic', 'partitions', 'in catalog'],
          result.topics.map((t) => [t.name, t.partitions, t.inCatalog ? 'yes' : 'no']),
        ),
      )
      if (result.missing.length)
        this.log(`missing catalog topics (run \`gochat topics create\`): ${result.missing.join(', ')}`)
    }
    return result
  }
}
