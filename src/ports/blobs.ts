// The blob store port: where attachment bytes live. Bytes never pass through logic or the message path: clients
// PUT them to a short-lived signed upload URL and GET them from a short-lived signed download URL, both issued by
// logic after its checks. Two drivers: embedded (files under the data directory, the URLs served by the gateway,
// src/drivers/blobs/embedded.ts) and S3-compatible (AWS S3, MinIO, Ceph, S3Proxy; src/drivers/blobs/s3.ts). One
// contract suite (test/contract/blobs.contract.ts) runs over both.
import type { IncomingMessage, ServerResponse } from 'node:http'

/** A URL a client may use until `expiresAt`, with the method and the headers it must send. */
export interface SignedUrl {
  /** absolute (S3) or relative to the gateway that issued it (embedded: `/v1/blobs/…`) */
  url: string
  method: 'PUT' | 'GET'
  /** headers the client must send as given (they are part of the signature) */
  headers: Record<string, string>
  /** epoch ms */
  expiresAt: number
}

export interface UploadSpec {
  mime: string
  /** the exact byte count the client declared; a PUT of another size is refused where the store can tell */
  size: number
  expiresInSeconds: number
}

export interface DownloadSpec {
  expiresInSeconds: number
  /** served as Content-Type */
  mime: string
  /** served as Content-Disposition's filename (already made safe by the caller) */
  fileName?: string
}

export interface BlobStore {
  readonly kind: 'embedded' | 's3'
  /** `key`: [A-Za-z0-9/_-], made by gochat (never by a client) */
  uploadUrl(key: string, spec: UploadSpec): Promise<SignedUrl>
  downloadUrl(key: string, spec: DownloadSpec): Promise<SignedUrl>
  /** the stored size, or null when nothing is stored under the key */
  stat(key: string): Promise<{ size: number } | null>
  /** the whole object, in memory (small ones: thumbnails); `not_found` without it */
  read(key: string): Promise<Buffer>
  /** the object as a stream (logic reads an upload once, to sniff, hash and measure it); `not_found` without it */
  stream(key: string): Promise<AsyncIterable<Uint8Array>>
  /** writes an object gochat made itself (thumbnails) */
  put(key: string, bytes: Buffer, mime: string): Promise<void>
  /** idempotent */
  delete(key: string): Promise<void>
  ping(): Promise<void>
  close(): Promise<void>
  /** where its signed URLs point other than the gateway (S3: the bucket's origins); the page's CSP allows them */
  readonly origins?: string[]
  /**
   * Embedded only: serves the store's signed URLs (paths under /v1/blobs/); resolves false for any other path. The
   * gateway mounts it before its REST routes. S3 serves its URLs itself.
   */
  readonly httpHandler?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>
}

const KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/

/** Keys are gochat's own; a malformed one is a bug, refused before it reaches a path or a bucket. */
export function checkBlobKey(key: string): void {
  if (key.length > 200 || !KEY.test(key)) throw new Error(`bad blob key ${JSON.stringify(key)}`)
}
