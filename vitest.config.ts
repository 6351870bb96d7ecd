import { defineConfig } from 'vitest/config'

// Two cores: at most two test files at a time. Integration suites skip themselves when Kafka/MySQL/Redis do
// not answer, unless GOCHAT_REQUIRE_INFRA=1 (npm run test:ci), where a missing service fails the run.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'services/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { GOCHAT_LOG_LEVEL: 'warn' },
  },
})
