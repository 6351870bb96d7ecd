import { moderationContract } from '../../../test/contract/moderation.contract.js'
import { messageAttachmentsContract } from '../../../test/contract/message-attachments.contract.js'
import { attachmentLifecycleContract } from '../../../test/contract/attachment-lifecycle.contract.js'
import { messageOrderContract } from '../../../test/contract/message-order.contract.js'
import { erasureContract } from '../../../test/contract/erasure.contract.js'
import { operationStateContract } from '../../../test/contract/operation-state.contract.js'
import { retentionContract } from '../../../test/contract/retention.contract.js'
import { retentionSearchIndexContract } from '../../../test/contract/retention-search-index.contract.js'
import { messageOpsContract } from '../../../test/contract/message-ops.contract.js'
import { messageOpsRedeliveryContract } from '../../../test/contract/message-ops-redelivery.contract.js'
import { messageSearchContract } from '../../../test/contract/message-search.contract.js'
import { storeContract } from '../../../test/contract/store.contract.js'
import { MemoryStore } from './store.js'

storeContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
messageOpsContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
messageOpsRedeliveryContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
messageAttachmentsContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
moderationContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
messageSearchContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
attachmentLifecycleContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
messageOrderContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
retentionContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
retentionSearchIndexContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
erasureContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
operationStateContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
