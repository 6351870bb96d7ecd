import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

/**
 * Suites that start engines of their own (Kafka brokers, mariadbd, redis-server), network namespaces or a whole
 * cluster under faults: they run after everything else, one at a time, so that two of them never share the two
 * cores (a start-up that takes 20 s alone took 120 s beside another such suite).
 */
const HEAVY = ['test/e2e/multi-host.test.ts', 'test/e2e/faults*.test.ts', 'infra/kafka-nodes.test.ts']

// Two cores: at most two test files at a time. Integration suites skip themselves when Kafka/MySQL/Redis do
// not answer, unless GOCHAT_REQUIRE_INFRA=1 (npm run test:ci), where a missing service fails the run.
export default defineConfig({
  test: {
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    // a safety net, not a speed target: CLI suites spawn several `gochat` processes a case, each loading the
    // TypeScript sources, and on two loaded cores one case took 30 s where it usually takes 20
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // the CLI's named contexts live here, not in the user's ~/.config/gochat (where `infra up` registers `local`):
    // a test that gives no --kafka must not find a broker through the developer's or CI's current context
    env: { GOCHAT_LOG_LEVEL: 'warn', GOCHAT_CONFIG_DIR: join(tmpdir(), `gochat-test-config-${process.pid}`) },
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['{cli,runtime,services,src,bench,infra,test}/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...HEAVY],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        // one fork for all of them: one file after another
        test: {
          name: 'heavy',
          include: HEAVY,
          poolOptions: { forks: { singleFork: true } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
