// The store contract against MariaDB/MySQL, in a database of its own (gochat_test_<time>_<pid>), dropped after.
import { describe } from 'vitest'
import { MysqlStore } from '../../src/drivers/mysql/store.js'
import { storeContract } from '../contract/store.contract.js'
import { messageOpsContract } from '../contract/message-ops.contract.js'
import { messageOpsRedeliveryContract } from '../contract/message-ops-redelivery.contract.js'
import { moderationContract } from '../contract/moderation.contract.js'
import { messageAttachmentsContract } from '../contract/message-attachments.contract.js'
import { messageSearchContract } from '../contract/message-search.contract.js'
import { attachmentLifecycleContract } from '../contract/attachment-lifecycle.contract.js'
import { messageOrderContract } from '../contract/message-order.contract.js'
import { erasureContract } from '../contract/erasure.contract.js'
import { operationStateContract } from '../contract/operation-state.contract.js'
import { retentionContract } from '../contract/retention.contract.js'
import { retentionSearchIndexContract } from '../contract/retention-search-index.contract.js'
import { infraAvailable } from '../helpers/infra.js'
import { testDatabase } from '../helpers/mysql.js'

describe.skipIf(!(await infraAvailable('mysql')))('mysql store', () => {
  const fixture = (name: string) => async () => {
    const db = testDatabase(name)
    const store = new MysqlStore(db.url)
    await store.ping()
    return {
      store,
      cleanup: async () => {
        await store.close()
        await db.drop()
      },
    }
  }
  storeContract('mysql', fixture('store'))
  messageOpsContract('mysql', fixture('ops'))
  messageOpsRedeliveryContract('mysql', fixture('redelivery'))
  messageAttachmentsContract('mysql', fixture('attachments'))
  moderationContract('mysql', fixture('moderation'))
  messageSearchContract('mysql', fixture('search'))
  attachmentLifecycleContract('mysql', fixture('lifecycle'))
  messageOrderContract('mysql', fixture('order'))
  retentionContract('mysql', fixture('retention'))
  retentionSearchIndexContract('mysql', fixture('retindex'), async (store, conversationId) => {
    const { pool } = store as unknown as { pool: import('mysql2/promise').Pool }
    const [rows] = await pool.query('SELECT COUNT(*) AS n FROM message_search WHERE conversation_id = ?', [
      conversationId,
    ])
    return Number((rows as Array<{ n: number }>)[0]!.n)
  })
  erasureContract('mysql', fixture('erasure'))
  operationStateContract('mysql', fixture('opstate'))
})
