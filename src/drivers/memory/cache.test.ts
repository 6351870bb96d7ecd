import { cacheContract } from '../../../test/contract/cache.contract.js'
import { MemoryCache } from './cache.js'

cacheContract('memory', async () => {
  const cache = new MemoryCache()
  return { cache, cleanup: () => cache.close() }
})
