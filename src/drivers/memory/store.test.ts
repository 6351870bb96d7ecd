import { messageAttachmentsContract } from '../../../test/contract/message-attachments.contract.js'
import { retentionContract } from '../../../test/contract/retention.contract.js'
import { messageOpsContract } from '../../../test/contract/message-ops.contract.js'
import { storeContract } from '../../../test/contract/store.contract.js'
import { MemoryStore } from './store.js'

storeContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
messageOpsContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
messageAttachmentsContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
retentionContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
