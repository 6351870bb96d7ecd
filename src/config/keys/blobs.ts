// Attachments: where their bytes live (the blob store), how long signed URLs last, and what a user may upload
// (per kind: size and mime allow-list; per user: a quota). docs/protocol.md#uploads-and-downloads.
import { z } from 'zod'
import { list, positiveInt } from './schemas.js'

const MiB = 1024 * 1024
const mimeList = list.pipe(z.array(z.string().regex(/^(\*|[a-z0-9.+-]+\/(\*|[a-z0-9.+-]+))$/, 'expected type/subtype')))

export const blobKeys = {
  blob_url: {
    schema: z.preprocess(
      (v) => (v === '' || v === 'embedded' ? null : v),
      z
        .string()
        .regex(/^(s3|file):\/\//, 'expected s3://bucket?endpoint=… or file:///dir, or "embedded"')
        .nullable(),
    ),
    default: null as string | null,
    help: 'Where attachment bytes live: s3://[KEY:SECRET@]bucket[/prefix]?endpoint=URL&region=R (AWS S3, MinIO, Ceph, S3Proxy; without KEY:SECRET the AWS SDK finds credentials as usual) or file:///dir; unset: embedded, files in <data_dir>/blobs served by the gateway (a scratch directory without data_dir)',
    expected: 's3://bucket?endpoint=…, file:///dir, or empty',
    secret: true,
  },
  upload_url_ttl_seconds: {
    schema: z.coerce.number().int().min(1).max(3600),
    default: 300,
    help: 'How long an upload slot (its signed PUT URL) stays open',
    expected: 'seconds, 1 to 3600',
  },
  download_url_ttl_seconds: {
    schema: z.coerce.number().int().min(1).max(86400),
    default: 300,
    help: 'How long a signed download URL works',
    expected: 'seconds, 1 to 86400',
  },
  upload_max_bytes_image: {
    schema: positiveInt,
    default: 10 * MiB,
    help: 'Largest image upload (bytes)',
    expected: 'bytes',
  },
  upload_max_bytes_file: {
    schema: positiveInt,
    default: 100 * MiB,
    help: 'Largest file upload (bytes)',
    expected: 'bytes',
  },
  upload_max_bytes_voice: {
    schema: positiveInt,
    default: 10 * MiB,
    help: 'Largest voice upload (bytes)',
    expected: 'bytes',
  },
  upload_mime_image: {
    schema: mimeList,
    default: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    help: 'Mime types an image upload may have (type/subtype or type/*)',
    expected: 'comma-separated type/subtype',
  },
  upload_mime_file: {
    schema: mimeList,
    default: ['*'],
    help: 'Mime types a file upload may have (* for any)',
    expected: 'comma-separated type/subtype, or *',
  },
  upload_mime_voice: {
    schema: mimeList,
    default: ['audio/ogg', 'audio/webm', 'audio/mpeg', 'audio/mp4', 'audio/wav'],
    help: 'Mime types a voice upload may have',
    expected: 'comma-separated type/subtype',
  },
  upload_orphan_hours: {
    schema: z.coerce.number().int().min(0).max(8760),
    default: 24,
    help: 'Hours after which an attachment no shown message carries (an upload slot never completed, an upload never sent) is deleted with its bytes by the hourly housekeeping; 0: never',
    expected: 'hours, 0 to 8760',
  },
  upload_quota_bytes: {
    schema: positiveInt,
    default: 1024 * MiB,
    help: 'Bytes of attachments a user may hold, open upload slots included (a slot counts its declared size until it expires unused)',
    expected: 'bytes',
  },
} as const
