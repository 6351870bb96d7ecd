// The embedded blob store: one file per blob under a directory (`gochat up`: <data dir>/blobs), its signed URLs
// served by the gateway at /v1/blobs/ (httpHandler); no process of its own. An upload is written to a scratch file
// and renamed into place only when exactly the signed number of bytes arrived, so a blob is never half there.
import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { AppError } from '../../core/errors.js'
import { type BlobStore, checkBlobKey, type DownloadSpec, type SignedUrl, type UploadSpec } from '../../ports/blobs.js'
import { BLOB_PATH, signUrl, verifyUrl } from './signed-url.js'

export interface EmbeddedBlobOptions {
  /** where the blobs live; created if missing */
  dir: string
  /** signs the URLs (every process serving or issuing them needs the same) */
  secret: Buffer
  /** removed on close (an ephemeral run's scratch directory) */
  removeOnClose?: boolean
  now?: () => number
}

const fail = (res: ServerResponse, status: number, code: string, message: string) => {
  const body = JSON.stringify({ error: { code, message } })
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
}

/** Content-Disposition's filename: printable ASCII without quotes or backslashes, the rest as filename* */
const disposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`

export class EmbeddedBlobStore implements BlobStore {
  readonly kind = 'embedded' as const
  private readonly scratch: string
  private readonly now: () => number

  constructor(private readonly opts: EmbeddedBlobOptions) {
    this.scratch = join(opts.dir, '.partial')
    mkdirSync(this.scratch, { recursive: true, mode: 0o700 })
    this.now = opts.now ?? Date.now
  }

  private file(key: string): string {
    checkBlobKey(key)
    return join(this.opts.dir, key)
  }

  private expiry(seconds: number) {
    const expires = Math.floor(this.now() / 1000) + seconds
    return { expires, expiresAt: expires * 1000 }
  }

  async uploadUrl(key: string, spec: UploadSpec): Promise<SignedUrl> {
    checkBlobKey(key)
    const { expires, expiresAt } = this.expiry(spec.expiresInSeconds)
    const url = signUrl(this.opts.secret, { method: 'PUT', key, expires, mime: spec.mime, size: spec.size })
    return { url, method: 'PUT', headers: { 'content-type': spec.mime }, expiresAt }
  }

  async downloadUrl(key: string, spec: DownloadSpec): Promise<SignedUrl> {
    checkBlobKey(key)
    const { expires, expiresAt } = this.expiry(spec.expiresInSeconds)
    const url = signUrl(this.opts.secret, { method: 'GET', key, expires, mime: spec.mime, name: spec.fileName })
    return { url, method: 'GET', headers: {}, expiresAt }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    const info = await stat(this.file(key)).catch(() => null)
    return info?.isFile() ? { size: info.size } : null
  }

  async read(key: string): Promise<Buffer> {
    return readFile(this.file(key)).catch(() => {
      throw new AppError('not_found', 'no such blob')
    })
  }

  async stream(key: string): Promise<AsyncIterable<Uint8Array>> {
    const file = this.file(key)
    if (!(await this.stat(key))) throw new AppError('not_found', 'no such blob')
    return createReadStream(file)
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const partial = join(this.scratch, randomBytes(12).toString('hex'))
    await writeFile(partial, bytes)
    await this.settle(partial, this.file(key))
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true })
  }

  async ping(): Promise<void> {
    await stat(this.opts.dir)
  }

  async close(): Promise<void> {
    if (this.opts.removeOnClose) rmSync(this.opts.dir, { recursive: true, force: true })
  }

  private async settle(partial: string, file: string): Promise<void> {
    await mkdir(dirname(file), { recursive: true })
    await rename(partial, file)
  }

  /** Serves GET/HEAD/PUT under /v1/blobs/ (false for any other path): the gateway mounts it. */
  readonly httpHandler = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith(BLOB_PATH)) return false
    const v = verifyUrl(this.opts.secret, req.method ?? '', url, this.now())
    if (!v.ok) {
      fail(res, 403, v.code, v.message)
      return true
    }
    const { terms } = v
    const file = this.file(terms.key)
    if (terms.method === 'GET') {
      const info = await stat(file).catch(() => null)
      if (!info?.isFile()) {
        fail(res, 404, 'not_found', 'nothing was uploaded here')
        return true
      }
      res.writeHead(200, {
        'content-type': terms.mime,
        'content-length': info.size,
        'content-disposition': disposition(terms.name ?? 'download'),
        // whatever the bytes are, a browser opening the URL runs nothing of them
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, max-age=60',
      })
      if (req.method === 'HEAD') res.end()
      else await pipeline(createReadStream(file), res)
      return true
    }
    return this.receive(req, res, terms.size ?? 0, terms.mime, file)
  }

  private async receive(req: IncomingMessage, res: ServerResponse, size: number, mime: string, file: string) {
    const declared = req.headers['content-length']
    if ((req.headers['content-type'] ?? '').toLowerCase() !== mime.toLowerCase()) {
      fail(res, 400, 'bad_request', `Content-Type must be ${mime}, as the upload slot was asked for`)
      return true
    }
    if (declared === undefined || Number(declared) !== size) {
      // a body that does not match the slot is not read at all; the connection goes with it
      res.setHeader('connection', 'close')
      fail(res, 413, 'too_large', `the body must be exactly ${size} bytes (Content-Length), as the slot was asked for`)
      return true
    }
    const partial = join(this.scratch, randomBytes(12).toString('hex'))
    let got = 0
    const out = createWriteStream(partial, { mode: 0o600 })
    try {
      await pipeline(
        req,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            got += chunk.length
            if (got > size) throw new Error('body longer than its Content-Length')
            yield chunk
          }
        },
        out,
      )
    } catch {
      await rm(partial, { force: true })
      res.destroy()
      return true
    }
    if (got !== size) {
      await rm(partial, { force: true })
      fail(res, 400, 'bad_request', `the body ended after ${got} of ${size} bytes`)
      return true
    }
    await this.settle(partial, file)
    res.writeHead(200, { 'content-length': 0 }).end()
    return true
  }
}
