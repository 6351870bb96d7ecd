import { storeContract } from '../../../test/contract/store.contract.js'
import { MemoryStore } from './store.js'

storeContract('memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} }))
