// `gochat users erase --execute` names the topic the running deployment's relay publishes its user.tokens.revoked
// to; one that does not exist (a --topic-prefix other than the deployment's) would hold up every outbox row behind
// it, so the command refuses before it opens the store, and says what to give.
import { describe, expect, it } from 'vitest'
import { runGochat } from '../helpers/cli.js'
import { infraAvailable, KAFKA, MYSQL } from '../helpers/infra.js'

describe.skipIf(!(await infraAvailable('kafka')))(
  'users erase against Kafka with a topic prefix of no deployment',
  () => {
    it('exits 2 naming the missing topic and the flag, before touching the database', async () => {
      const prefix = `noprefix${Date.now().toString(36)}`
      // a database that does not exist: opening the store would fail differently (and would create nothing here)
      const run = await runGochat([
        ...['users', 'erase', 'u_nobody', '--execute'],
        ...['--mysql', `${MYSQL}/gochat_never_${prefix}`, '--kafka', KAFKA, '--topic-prefix', prefix],
      ])
      expect(run.code, run.stderr).toBe(2)
      expect(run.stderr).toContain(`topic ${prefix}.user-events does not exist`)
      expect(run.stderr).toContain('--topic-prefix')
      expect(run.stderr).toContain('nothing was changed')
    })
  },
)
