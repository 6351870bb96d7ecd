// An S3Proxy of a test's own (infra/s3proxy.ts) on a free port, its data in a temp dir, ending with the test
// process. Without Java or Maven it is not there: suites skip, except under test:ci (GOCHAT_REQUIRE_INFRA=1),
// where that fails the run, as a missing Kafka does.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePorts } from '../../infra/net.js'
import { type OwnS3Proxy, startS3Proxy } from '../../infra/s3proxy.js'

export async function ownS3Proxy(bucket = 'gochat-test'): Promise<OwnS3Proxy | null> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gochat-s3proxy-'))
  const [port] = await freePorts(1)
  try {
    return await startS3Proxy({ port: port!, dataDir, log: join(dataDir, 's3proxy.log'), bucket, dieWith: process.pid })
  } catch (err) {
    if (process.env.GOCHAT_REQUIRE_INFRA === '1') throw err
    return null
  }
}
