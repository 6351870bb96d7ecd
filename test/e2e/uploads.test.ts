// Issue 25, the blob half, over real HTTP against `gochat up`: an upload slot, the bytes PUT to the blob store by
// its signed URL, the completion that checks them, and a download by a signed URL that gives back the exact bytes.
// And the bad inputs: another user's or a forged attachment id, an oversized slot, a mime type not allowed, bytes
// that are not what their mime type claims, a decompression bomb named .png, a path-traversal file name, a body
// longer than its slot, the quota, and an upload URL used after it expired. The same suite runs on the embedded
// blob store (the gateway serves the URLs) and on the S3 driver against a real S3Proxy.
import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestClient } from '../../src/client/rest.js'
import { decodablePng, imageInfo, png, refused, sha, wav } from '../helpers/media.js'
import { ownS3Proxy } from '../helpers/s3proxy.js'
import { startUp } from '../helpers/up.js'

const LIMITS = {
  GOCHAT_UPLOAD_MAX_BYTES_IMAGE: '200000',
  GOCHAT_UPLOAD_QUOTA_BYTES: '1000000',
}

describe('uploads and downloads against gochat up (embedded blob store)', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  beforeAll(async () => {
    up = await startUp([], LIMITS)
  }, 60_000)
  afterAll(async () => {
    await up?.stop()
  })
  uploadSuite(() => up.url)
})

const proxy = await ownS3Proxy('gochat-e2e')

describe.skipIf(!proxy)('uploads and downloads against gochat up on S3 (S3Proxy)', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  beforeAll(async () => {
    up = await startUp([], { ...LIMITS, GOCHAT_BLOB_URL: proxy!.blobUrl })
  }, 60_000)
  afterAll(async () => {
    await up?.stop()
    await proxy?.stop()
  })
  uploadSuite(() => up.url)
})

describe('an upload URL used after it expired', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  beforeAll(async () => {
    up = await startUp([], { GOCHAT_UPLOAD_URL_TTL_SECONDS: '1' })
  }, 60_000)
  afterAll(async () => {
    await up?.stop()
  })

  it('is refused 403 url_expired, and the upload never completes', async () => {
    const alice = new RestClient(up.url)
    await alice.register(`a${randomUUID().slice(0, 8)}`, 'secret-pass')
    const bytes = png(10, 10)
    const slot = await alice.uploadSlot('image', 'image/png', bytes.length)
    await new Promise((r) => setTimeout(r, 2100))
    const res = await alice.blob(slot.upload, bytes)
    expect(res.status).toBe(403)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('url_expired')
    await refused(alice.completeUpload(slot.attachmentId), 409, 'upload_incomplete')
  })
})

function uploadSuite(url: () => string) {
  const person = async () => {
    const rest = new RestClient(url())
    await rest.register(`u${randomUUID().slice(0, 8)}`, 'secret-pass')
    return rest
  }

  /** slot, PUT, complete */
  async function upload(rest: RestClient, kind: string, mime: string, bytes: Buffer, name?: string) {
    const slot = await rest.uploadSlot(kind, mime, bytes.length, name)
    const put = await rest.blob(slot.upload, bytes)
    expect(put.status).toBe(200)
    return { slot, done: await rest.completeUpload(slot.attachmentId) }
  }

  it('takes an image by its slot and gives the uploader back the exact bytes by a signed URL', async () => {
    const alice = await person()
    const bytes = png(640, 480)
    const { slot, done } = await upload(alice, 'image', 'image/png', bytes, 'café.png')
    expect(slot.attachmentId).toMatch(/^att_[0-9a-f]{32}$/)
    expect(slot.upload.method).toBe('PUT')
    expect(done).toEqual({
      attachmentId: slot.attachmentId,
      kind: 'image',
      mime: 'image/png',
      size: bytes.length,
      name: 'café.png',
      sha256: sha(bytes),
      width: 640,
      height: 480,
      state: 'ready',
    })
    // completing again changes nothing
    expect(await alice.completeUpload(slot.attachmentId)).toEqual(done)
    const down = await alice.downloadUrl(slot.attachmentId)
    expect(down.expiresAt).toBeGreaterThan(Date.now())
    const res = await alice.blob(down)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(bytes))
  })

  it('makes a WebP thumbnail of an image, stored beside it; an image that cannot be decoded is taken without one', async () => {
    const [alice, bob] = [await person(), await person()]
    const bytes = await decodablePng(900, 600)
    const { slot, done } = await upload(alice, 'image', 'image/png', bytes, 'wide.png')
    expect(done).toMatchObject({ width: 900, height: 600, sha256: sha(bytes) })
    expect(done.thumbnail).toMatchObject({ width: 320, height: 213, mime: 'image/webp' })
    const res = await alice.blob(await alice.downloadUrl(slot.attachmentId, 'thumbnail'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/webp')
    const thumb = new Uint8Array(await res.arrayBuffer())
    expect(thumb.length).toBe(done.thumbnail!.size)
    expect(await imageInfo(thumb)).toEqual({ format: 'webp', width: 320, height: 213 })
    // the original is still the original, and the thumbnail is no one else's either
    expect(
      sha(new Uint8Array(await (await alice.blob(await alice.downloadUrl(slot.attachmentId))).arrayBuffer())),
    ).toBe(sha(bytes))
    await refused(bob.downloadUrl(slot.attachmentId, 'thumbnail'), 404, 'not_found')
    await refused(alice.call('GET', `/v1/attachments/${slot.attachmentId}/url?variant=huge`), 400, 'bad_request')
    // a PNG header over noise: the sniffer takes it, sharp cannot decode it; completed, with no thumbnail
    const corrupt = await upload(alice, 'image', 'image/png', png(64, 64))
    expect(corrupt.done.state).toBe('ready')
    expect(corrupt.done).not.toHaveProperty('thumbnail')
    await refused(alice.downloadUrl(corrupt.slot.attachmentId, 'thumbnail'), 404, 'not_found')
  })

  it('measures a voice message from its bytes, and keeps a file of any type', async () => {
    const alice = await person()
    const voice = await upload(alice, 'voice', 'audio/wav', wav(1500))
    expect(voice.done).toMatchObject({ kind: 'voice', durationMs: 1500, state: 'ready' })
    const bytes = randomBytes(5000)
    const file = await upload(alice, 'file', 'application/octet-stream', bytes, 'notes.bin')
    expect(file.done).toMatchObject({ kind: 'file', size: 5000, sha256: sha(bytes), name: 'notes.bin' })
  })

  it('gives no one else a download URL, nor a completion, and knows no forged id', async () => {
    const [alice, bob] = [await person(), await person()]
    const pending = await alice.uploadSlot('image', 'image/png', 100)
    await refused(bob.completeUpload(pending.attachmentId), 404, 'not_found')
    const { slot } = await upload(alice, 'image', 'image/png', png(8, 8))
    await refused(bob.downloadUrl(slot.attachmentId), 404, 'not_found')
    await refused(bob.downloadUrl(`att_${randomBytes(16).toString('hex')}`), 404, 'not_found')
    // a pending upload is nobody's to download yet, the uploader's included
    await refused(alice.downloadUrl(pending.attachmentId), 404, 'not_found')
  })

  it('refuses an oversized slot, a mime type not allowed, a bad kind and a path in the file name', async () => {
    const alice = await person()
    await refused(alice.uploadSlot('image', 'image/png', 200_001), 413, 'too_large')
    await refused(alice.uploadSlot('image', 'text/html', 100), 415, 'unsupported_media_type')
    await refused(alice.uploadSlot('voice', 'image/png', 100), 415, 'unsupported_media_type')
    await refused(alice.uploadSlot('video', 'video/mp4', 100), 400, 'bad_request')
    await refused(alice.uploadSlot('file', 'text/plain', 0), 400, 'bad_request')
    await refused(alice.uploadSlot('file', 'text/plain', 10, '../../etc/passwd'), 400, 'invalid_name')
    await refused(alice.uploadSlot('file', 'text/plain', 10, 'a\u0000b'), 400, 'invalid_name')
  })

  it('refuses bytes that are not what their mime type claims, and a decompression bomb named .png; nothing stays', async () => {
    const alice = await person()
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), randomBytes(3000)])
    const slot = await alice.uploadSlot('image', 'image/png', zip.length, 'cat.png')
    expect((await alice.blob(slot.upload, zip)).status).toBe(200)
    await refused(alice.completeUpload(slot.attachmentId), 415, 'unsupported_media_type')
    await refused(alice.downloadUrl(slot.attachmentId), 404, 'not_found')
    await refused(alice.completeUpload(slot.attachmentId), 404, 'not_found')

    const bomb = png(100_000, 100_000, 500)
    const b = await alice.uploadSlot('image', 'image/png', bomb.length, 'bomb.png')
    expect((await alice.blob(b.upload, bomb)).status).toBe(200)
    await refused(alice.completeUpload(b.attachmentId), 413, 'too_large')
    await refused(alice.downloadUrl(b.attachmentId), 404, 'not_found')
  })

  it('refuses a body longer than its slot, or of another type; the upload stays incomplete', async () => {
    const alice = await person()
    const slot = await alice.uploadSlot('file', 'application/pdf', 1000)
    const longer = await alice.blob(slot.upload, randomBytes(1500)).catch(() => null)
    expect(longer === null || longer.status >= 400).toBe(true)
    const typed = await alice.blob(slot.upload, randomBytes(1000), { 'content-type': 'text/html' })
    expect(typed.status).toBeGreaterThanOrEqual(400)
    await refused(alice.completeUpload(slot.attachmentId), 409, 'upload_incomplete')
  })

  it('keeps each user within the quota, open slots included', async () => {
    const [alice, bob] = [await person(), await person()]
    await alice.uploadSlot('file', 'application/octet-stream', 600_000)
    await refused(alice.uploadSlot('file', 'application/octet-stream', 500_000), 413, 'quota_exceeded')
    await alice.uploadSlot('file', 'application/octet-stream', 400_000)
    await refused(alice.uploadSlot('file', 'application/octet-stream', 1), 413, 'quota_exceeded')
    // the quota is per user
    await bob.uploadSlot('file', 'application/octet-stream', 1_000_000)
  })
}
