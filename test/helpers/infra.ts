// Integration suites ask here whether the real services answer. Under npm run test:ci (GOCHAT_REQUIRE_INFRA=1)
// a missing service is a failure, never a silent skip.
import { portAnswers } from '../../infra/net.js'

export const KAFKA = process.env.GOCHAT_TEST_KAFKA ?? '127.0.0.1:9092'
export const MYSQL = process.env.GOCHAT_TEST_MYSQL ?? 'mysql://root@127.0.0.1:3306'
export const REDIS = process.env.GOCHAT_TEST_REDIS ?? 'redis://127.0.0.1:6379'

export function answers(hostPort: string, timeoutMs = 1000): Promise<boolean> {
  const [host, port] = hostPort
    .replace(/^\w+:\/\/([^@/]*@)?/, '')
    .split('/')[0]!
    .split(':')
  return portAnswers(host!, Number(port), timeoutMs)
}

const required = process.env.GOCHAT_REQUIRE_INFRA === '1'

/** true when every named service answers; throws under test:ci when one does not */
export async function infraAvailable(...services: Array<'kafka' | 'mysql' | 'redis'>): Promise<boolean> {
  const addr = { kafka: KAFKA, mysql: MYSQL, redis: REDIS }
  const missing: string[] = []
  for (const s of services) if (!(await answers(addr[s]))) missing.push(`${s} (${addr[s]})`)
  if (missing.length && required)
    throw new Error(`integration suite needs ${missing.join(', ')}; run \`npx gochat infra up\``)
  return missing.length === 0
}
