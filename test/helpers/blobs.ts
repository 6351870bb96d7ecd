// A blob store for tests that compose roles by hand: the embedded store in one scratch directory per test process.
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EmbeddedBlobStore } from '../../src/drivers/blobs/embedded.js'

export const testBlobs = () =>
  new EmbeddedBlobStore({ dir: join(tmpdir(), `gochat-test-blobs-${process.pid}`), secret: randomBytes(32) })
