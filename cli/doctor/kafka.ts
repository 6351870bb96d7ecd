// What Kafka shows of a deployment: each catalog consumer group's lag, and the dead letters not yet replayed.
// The same admin calls as `gochat groups describe` and `gochat dlq list`.
import type { GochatConfig } from '../../src/config/index.js'
import { catalogGroups, topics } from '../../src/contracts/topics.js'
import { withAdmin } from '../../src/ops/kafka/admin.js'
import { describeGroup } from '../../src/ops/kafka/groups.js'
import { CliError } from '../../src/core/operator-errors.js'
import { readDeadLetters } from '../dlq/read.js'
import { type Check, fail, ok, warn } from './check.js'

export async function lagChecks(cfg: GochatConfig, maxLag: number): Promise<Check[]> {
  const groups = await withAdmin(cfg, (h) =>
    Promise.all(catalogGroups(cfg).map(async (g) => ({ ...g, details: await describeGroup(h, g.groupId) }))),
  )
  if (groups.every((g) => !g.details))
    return [
      warn(
        'lag',
        cfg.kafka_brokers.join(','),
        `no consumer group of topic prefix "${cfg.topic_prefix}" has consumed here`,
        'is the deployment running on these brokers? check --kafka and --topic-prefix',
      ),
    ]
  return groups.flatMap(({ groupId, details }): Check[] => {
    // never joined nor committed: a group of a mode or gateway id this deployment does not run
    if (!details) return []
    const lag = details.totalLag
    const members = details.members.length
    const seen = `lag ${lag}, ${members} member${members === 1 ? '' : 's'}, ${details.state}`
    if (members === 0 && lag > 0)
      return [
        fail(
          'lag',
          groupId,
          seen,
          'nothing consumes it: start the role that owns this group (`gochat groups describe` shows its topics)',
        ),
      ]
    if (lag > maxLag)
      return [
        warn(
          'lag',
          groupId,
          `${seen} (over ${maxLag})`,
          'its consumers fall behind: add instances of that role or look for errors in its logs; `gochat groups describe` shows the partitions',
        ),
      ]
    return [ok('lag', groupId, seen)]
  })
}

export async function deadLetterCheck(cfg: GochatConfig): Promise<Check> {
  const topic = topics(cfg).dlq
  try {
    const waiting = (await readDeadLetters(cfg, topic)).filter((l) => !l.replayed)
    if (waiting.length === 0) return ok('dead letters', topic, 'none waiting')
    return warn(
      'dead letters',
      topic,
      `${waiting.length} waiting (not replayed)`,
      '`gochat dlq list` shows each with its last error; fix the cause, then `gochat dlq replay`',
    )
  } catch (err) {
    if (err instanceof CliError && err.code === 'not_found')
      return fail('dead letters', topic, 'the topic does not exist', '`gochat topics create` (or check --topic-prefix)')
    throw err
  }
}
