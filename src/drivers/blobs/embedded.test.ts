// The blob contract on the embedded store, its URLs served by its own handler on a server of this test (as the
// gateway mounts it), plus what only the embedded store does: a body that stops short, and a slot's file never half
// written.
import { createServer, request } from 'node:http'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { blobContract } from '../../../test/contract/blobs.contract.js'
import { EmbeddedBlobStore } from './embedded.js'

const secret = randomBytes(32)
const dir = mkdtempSync(join(tmpdir(), 'gochat-blobs-test-'))
let current: EmbeddedBlobStore = new EmbeddedBlobStore({ dir, secret })
const server = createServer((req, res) => {
  void current.httpHandler(req, res, new URL(req.url!, 'http://x')).then((served) => served || res.writeHead(404).end())
})
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

blobContract('embedded', async () => ({
  store: (now) => (now ? new EmbeddedBlobStore({ dir, secret, now }) : current),
  base,
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
}))
afterAll(() => new Promise((r) => server.close(r)))

it('drops a body that ends before its Content-Length, leaving no file behind', async () => {
  const shortDir = mkdtempSync(join(tmpdir(), 'gochat-blobs-short-'))
  const store = new EmbeddedBlobStore({ dir: shortDir, secret })
  current = store
  const up = await store.uploadUrl('short/one', { mime: 'image/png', size: 1000, expiresInSeconds: 60 })
  const target = new URL(up.url, base)
  let answered = false
  await new Promise<void>((resolve) => {
    const req = request(target, { method: 'PUT', headers: { 'content-type': 'image/png', 'content-length': 1000 } })
    req.on('error', () => resolve())
    req.on('response', () => {
      answered = true
      resolve()
    })
    req.write(randomBytes(400))
    setTimeout(() => req.destroy(), 100)
  })
  await new Promise((r) => setTimeout(r, 100))
  expect(await store.stat('short/one')).toBeNull()
  expect(answered).toBe(false)
  expect(readdirSync(join(shortDir, '.partial'))).toEqual([])
  rmSync(shortDir, { recursive: true, force: true })
})
