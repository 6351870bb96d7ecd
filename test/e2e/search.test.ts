// The history search suite against `gochat up` on embedded drivers, its store SQLite in a data directory (FTS5).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { startUp } from '../helpers/up.js'
import { searchSuite } from './search.suite.js'

const dir = mkdtempSync(join(tmpdir(), 'gochat-search-e2e-'))
let up: Awaited<ReturnType<typeof startUp>>
beforeAll(async () => {
  // the suite polls searches until they find: more than message_search_per_user allows a person
  up = await startUp([`--data-dir=${dir}`], { GOCHAT_MESSAGE_SEARCH_PER_USER: '100000' })
})
afterAll(async () => {
  await up?.stop()
  rmSync(dir, { recursive: true, force: true })
})

searchSuite('history search on gochat up (embedded, SQLite)', { gateways: () => [up.url] })
