// The blob contract on the S3 driver against a real S3-API server: an S3Proxy of this test's own (filesystem backend).
import { describe } from 'vitest'
import { parseS3Url, S3BlobStore } from '../../src/drivers/blobs/s3.js'
import { blobContract } from '../contract/blobs.contract.js'
import { ownS3Proxy } from '../helpers/s3proxy.js'

const proxy = await ownS3Proxy()

describe.skipIf(!proxy)('s3 blob store', () => {
  blobContract('s3 (S3Proxy)', async () => {
    const loc = parseS3Url(proxy!.blobUrl)
    const shared = new S3BlobStore(loc)
    return {
      store: (now) => (now ? new S3BlobStore(loc, now) : shared),
      base: proxy!.endpoint,
      cleanup: () => proxy!.stop(),
    }
  })
})
