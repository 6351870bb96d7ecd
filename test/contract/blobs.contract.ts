// The blob store port's contract: both drivers pass the same suite (src/drivers/blobs/embedded.test.ts against the
// gateway's handler on a server of its own, test/integration/s3-blobs.test.ts against a real S3Proxy). Bytes go
// through the signed URLs exactly as a client sends them: fetch, with the method and headers the URL names.
import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BlobStore, SignedUrl } from '../../src/ports/blobs.js'

export interface BlobFixture {
  /** a store on the clock `now` (default Date.now), sharing the others' bytes */
  store(now?: () => number): BlobStore
  /** where relative URLs (the embedded store's) resolve */
  base: string
  cleanup(): Promise<void>
}

const key = () => `test/${randomUUID()}`

export function blobContract(name: string, setup: () => Promise<BlobFixture>) {
  describe(`blob store contract: ${name}`, () => {
    let f: BlobFixture
    let blobs: BlobStore
    beforeAll(async () => {
      f = await setup()
      blobs = f.store()
      await blobs.ping()
    })
    afterAll(async () => {
      await blobs?.close()
      await f?.cleanup()
    })

    const send = (u: SignedUrl, body?: Buffer, headers: Record<string, string> = {}) =>
      fetch(new URL(u.url, f.base), {
        method: u.method,
        headers: { ...u.headers, ...headers },
        ...(body ? { body: new Uint8Array(body) } : {}),
      })

    it('takes the exact bytes by its upload URL and gives them back by its download URL', async () => {
      const k = key()
      const bytes = randomBytes(70_000)
      const up = await blobs.uploadUrl(k, { mime: 'image/png', size: bytes.length, expiresInSeconds: 60 })
      expect(up.method).toBe('PUT')
      expect(up.expiresAt).toBeGreaterThan(Date.now())
      expect((await send(up, bytes)).status).toBe(200)
      expect(await blobs.stat(k)).toEqual({ size: bytes.length })
      expect((await blobs.read(k)).equals(bytes)).toBe(true)
      const chunks: Uint8Array[] = []
      for await (const c of await blobs.stream(k)) chunks.push(c)
      expect(Buffer.concat(chunks).equals(bytes)).toBe(true)
      const down = await blobs.downloadUrl(k, { mime: 'image/png', fileName: 'cat "1".png', expiresInSeconds: 60 })
      const res = await send(down)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/png')
      expect(res.headers.get('content-disposition')).toContain('attachment')
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)
    })

    it('refuses a body of another size than the slot was signed for, and stores nothing', async () => {
      const k = key()
      const up = await blobs.uploadUrl(k, { mime: 'application/pdf', size: 1000, expiresInSeconds: 60 })
      const res = await send(up, randomBytes(2000)).catch(() => null)
      expect(res === null || res.status >= 400).toBe(true)
      expect(await blobs.stat(k)).toBeNull()
    })

    it('refuses a body of another Content-Type than the slot was signed for', async () => {
      const k = key()
      const up = await blobs.uploadUrl(k, { mime: 'image/png', size: 10, expiresInSeconds: 60 })
      const res = await send(up, randomBytes(10), { 'content-type': 'text/html' })
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(await blobs.stat(k)).toBeNull()
    })

    it('refuses an upload URL after it expired', async () => {
      const k = key()
      const past = f.store(() => Date.now() - 120_000)
      const up = await past.uploadUrl(k, { mime: 'audio/ogg', size: 10, expiresInSeconds: 60 })
      expect(up.expiresAt).toBeLessThan(Date.now())
      expect((await send(up, randomBytes(10))).status).toBe(403)
      expect(await blobs.stat(k)).toBeNull()
      await past.close()
    })

    it('refuses a download URL after it expired, and one for another key', async () => {
      const k = key()
      await blobs.put(k, Buffer.from('secret bytes'), 'text/plain')
      const past = f.store(() => Date.now() - 120_000)
      const old = await past.downloadUrl(k, { mime: 'text/plain', expiresInSeconds: 60 })
      expect((await send(old)).status).toBe(403)
      await past.close()
      const other = key()
      await blobs.put(other, Buffer.from('other bytes'), 'text/plain')
      const good = await blobs.downloadUrl(k, { mime: 'text/plain', expiresInSeconds: 60 })
      const forged = { ...good, url: good.url.replace(k, other) }
      expect((await send(forged)).status).toBe(403)
      expect(await (await send(good)).text()).toBe('secret bytes')
    })

    it('puts, reads, stats and deletes what gochat writes itself', async () => {
      const k = key()
      expect(await blobs.stat(k)).toBeNull()
      await expect(blobs.read(k)).rejects.toMatchObject({ code: 'not_found' })
      await expect(blobs.stream(k)).rejects.toMatchObject({ code: 'not_found' })
      await blobs.put(k, Buffer.from('thumbnail'), 'image/webp')
      expect(await blobs.stat(k)).toEqual({ size: 9 })
      await blobs.delete(k)
      await blobs.delete(k)
      expect(await blobs.stat(k)).toBeNull()
    })

    it('refuses keys gochat would never make', async () => {
      for (const bad of ['../x', 'a//b', '/abs', 'a/../b', 'sp ace', ''])
        await expect(blobs.uploadUrl(bad, { mime: 'image/png', size: 1, expiresInSeconds: 60 })).rejects.toThrow(
          /bad blob key/,
        )
    })
  })
}
