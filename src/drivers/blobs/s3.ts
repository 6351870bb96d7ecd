// The S3-compatible blob store (AWS S3, MinIO, Ceph, S3Proxy), configured by one key:
//   blob_url=s3://[ACCESS_KEY:SECRET@]bucket[/prefix]?endpoint=http://host:port&region=us-east-1&path_style=true
// Without credentials in the URL the SDK's own chain applies (AWS_ACCESS_KEY_ID…, profiles, instance roles).
// Clients PUT and GET through presigned URLs; an upload URL signs Content-Type and Content-Length, so S3 refuses
// a body of another type or size.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { AppError } from '../../core/errors.js'
import { type BlobStore, checkBlobKey, type DownloadSpec, type SignedUrl, type UploadSpec } from '../../ports/blobs.js'

export interface S3Location {
  bucket: string
  prefix: string
  endpoint?: string
  region: string
  pathStyle: boolean
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

/** Parses blob_url; throws a message naming what is wrong (never echoing the secret). */
export function parseS3Url(raw: string): S3Location {
  let u: URL
  try {
    u = new URL(raw)
  } catch {
    throw new Error('blob_url is not a URL (expected s3://bucket?endpoint=…)')
  }
  if (u.protocol !== 's3:' || !u.hostname) throw new Error('blob_url must be s3://bucket[/prefix][?endpoint=…]')
  const q = u.searchParams
  const endpoint = q.get('endpoint') ?? undefined
  return {
    bucket: u.hostname,
    prefix: decodeURIComponent(u.pathname.replace(/^\/+|\/+$/g, '')),
    endpoint,
    region: q.get('region') ?? 'us-east-1',
    // MinIO, Ceph and S3Proxy on an address without bucket subdomains want path-style requests
    pathStyle: (q.get('path_style') ?? (endpoint ? 'true' : 'false')) === 'true',
    ...(u.username
      ? {
          credentials: {
            accessKeyId: decodeURIComponent(u.username),
            secretAccessKey: decodeURIComponent(u.password),
          },
        }
      : {}),
  }
}

const notFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404
}

/**
 * Where a location's signed URLs point (a browser uploads to and downloads from there): the endpoint's origin (path
 * style), the bucket's host under it, or AWS's hosts of the bucket.
 */
export function s3Origins(loc: Pick<S3Location, 'bucket' | 'endpoint' | 'region' | 'pathStyle'>): string[] {
  if (loc.endpoint) {
    const e = new URL(loc.endpoint)
    return [loc.pathStyle ? e.origin : `${e.protocol}//${loc.bucket}.${e.host}`]
  }
  return loc.pathStyle
    ? [`https://s3.${loc.region}.amazonaws.com`, 'https://s3.amazonaws.com']
    : [`https://${loc.bucket}.s3.${loc.region}.amazonaws.com`, `https://${loc.bucket}.s3.amazonaws.com`]
}

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const
  readonly origins: string[]
  private readonly client: S3Client

  constructor(
    private readonly loc: S3Location,
    private readonly now: () => number = Date.now,
  ) {
    this.origins = s3Origins(loc)
    this.client = new S3Client({
      region: loc.region,
      endpoint: loc.endpoint,
      forcePathStyle: loc.pathStyle,
      credentials: loc.credentials,
      // checksums the SDK adds by default are headers a browser's PUT to a presigned URL would not send
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    })
  }

  private key(key: string): string {
    checkBlobKey(key)
    return this.loc.prefix ? `${this.loc.prefix}/${key}` : key
  }

  async uploadUrl(key: string, spec: UploadSpec): Promise<SignedUrl> {
    const cmd = new PutObjectCommand({
      Bucket: this.loc.bucket,
      Key: this.key(key),
      ContentType: spec.mime,
      ContentLength: spec.size,
    })
    const signed = new Set(['content-type', 'content-length'])
    const url = await getSignedUrl(this.client, cmd, {
      expiresIn: spec.expiresInSeconds,
      signableHeaders: signed,
      unhoistableHeaders: signed,
      signingDate: new Date(this.now()),
    })
    return {
      url,
      method: 'PUT',
      headers: { 'content-type': spec.mime },
      expiresAt: this.now() + spec.expiresInSeconds * 1000,
    }
  }

  async downloadUrl(key: string, spec: DownloadSpec): Promise<SignedUrl> {
    const name = spec.fileName ?? 'download'
    const cmd = new GetObjectCommand({
      Bucket: this.loc.bucket,
      Key: this.key(key),
      ResponseContentType: spec.mime,
      ResponseContentDisposition: `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    })
    const url = await getSignedUrl(this.client, cmd, {
      expiresIn: spec.expiresInSeconds,
      signingDate: new Date(this.now()),
    })
    return { url, method: 'GET', headers: {}, expiresAt: this.now() + spec.expiresInSeconds * 1000 }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.loc.bucket, Key: this.key(key) }))
      return { size: Number(head.ContentLength ?? 0) }
    } catch (err) {
      if (notFound(err)) return null
      throw err
    }
  }

  async read(key: string): Promise<Buffer> {
    try {
      const got = await this.client.send(new GetObjectCommand({ Bucket: this.loc.bucket, Key: this.key(key) }))
      return Buffer.from(await got.Body!.transformToByteArray())
    } catch (err) {
      if (notFound(err)) throw new AppError('not_found', 'no such blob')
      throw err
    }
  }

  async stream(key: string): Promise<AsyncIterable<Uint8Array>> {
    try {
      const got = await this.client.send(new GetObjectCommand({ Bucket: this.loc.bucket, Key: this.key(key) }))
      return got.Body as AsyncIterable<Uint8Array>
    } catch (err) {
      if (notFound(err)) throw new AppError('not_found', 'no such blob')
      throw err
    }
  }

  async put(key: string, bytes: Buffer, mime: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.loc.bucket, Key: this.key(key), Body: bytes, ContentType: mime }),
    )
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.loc.bucket, Key: this.key(key) }))
  }

  async ping(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.loc.bucket }))
  }

  async close(): Promise<void> {
    this.client.destroy()
  }
}
