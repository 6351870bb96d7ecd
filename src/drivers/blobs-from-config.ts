// The blob store a process runs on: S3 when blob_url is s3://…, files in a directory when it is file:///dir, else
// files in <data_dir>/blobs, else (an ephemeral run) in a scratch directory removed on close. The embedded store's
// URLs are signed with a key derived from jwt_secret, so every process of a deployment that shares the secret and
// the directory serves and issues the same URLs.
import { createHmac } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { GochatConfig } from '../config/index.js'
import type { BlobStore } from '../ports/blobs.js'
import { EmbeddedBlobStore } from './blobs/embedded.js'

export async function createBlobStore(
  cfg: Pick<GochatConfig, 'blob_url' | 'data_dir' | 'jwt_secret'>,
): Promise<BlobStore> {
  if (cfg.blob_url?.startsWith('s3://')) {
    // the AWS SDK takes a second or more to load: only processes that use it pay for it
    const { parseS3Url, S3BlobStore } = await import('./blobs/s3.js')
    return new S3BlobStore(parseS3Url(cfg.blob_url))
  }
  const secret = createHmac('sha256', cfg.jwt_secret).update('gochat blob urls').digest()
  if (cfg.blob_url) return new EmbeddedBlobStore({ dir: fileURLToPath(cfg.blob_url), secret })
  if (cfg.data_dir) return new EmbeddedBlobStore({ dir: join(cfg.data_dir, 'blobs'), secret })
  return new EmbeddedBlobStore({ dir: mkdtempSync(join(tmpdir(), 'gochat-blobs-')), secret, removeOnClose: true })
}
