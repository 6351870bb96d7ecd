// Integration runs use their own topic prefix and database; this removes them afterwards.
import mysql from 'mysql2/promise'
import { withAdmin } from '../../src/ops/kafka/admin.js'
import { KAFKA } from './infra.js'

export async function dropDatabase(url: string): Promise<void> {
  const u = new URL(url)
  const db = u.pathname.slice(1)
  if (!/^gochat_[a-z0-9_]+$/.test(db)) throw new Error(`refusing to drop ${db}: not a test database`)
  u.pathname = '/'
  const conn = await mysql.createConnection(u.toString())
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${db}\``)
  } finally {
    await conn.end()
  }
}

export async function deleteTopicsWithPrefix(prefix: string): Promise<void> {
  if (!prefix || prefix === 'gochat') throw new Error('refusing to delete the default topics')
  await withAdmin({ kafka_brokers: [KAFKA], log_level: 'warn' }, async ({ admin }) => {
    const names = (await admin.listTopics()).filter((t) => t.startsWith(`${prefix}.`))
    if (names.length) await admin.deleteTopics({ topics: names })
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${prefix}.`))
    if (groups.length) await admin.deleteGroups(groups).catch(() => undefined)
  })
}
