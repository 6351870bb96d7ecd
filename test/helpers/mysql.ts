// A throwaway database per test file on the test server (GOCHAT_TEST_MYSQL), so runs never share state.
import mysql from 'mysql2/promise'
import { MYSQL } from './infra.js'

export interface TestDatabase {
  name: string
  /** mysql://…/<name>; the store creates the database on start */
  url: string
  drop(): Promise<void>
}

export function testDatabase(tag: string): TestDatabase {
  const name = `gochat_test_${tag}_${Date.now()}_${process.pid}`
  const u = new URL(MYSQL)
  u.pathname = `/${name}`
  return {
    name,
    url: u.toString(),
    drop: async () => {
      u.pathname = '/'
      const conn = await mysql.createConnection({
        host: u.hostname,
        port: Number(u.port || 3306),
        user: decodeURIComponent(u.username || 'root'),
        password: decodeURIComponent(u.password),
      })
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``)
      await conn.end()
    },
  }
}
