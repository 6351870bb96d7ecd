// Where an S3 location's signed URLs point: the page's Content-Security-Policy allows exactly these origins.
import { describe, expect, it } from 'vitest'
import { parseS3Url, s3Origins } from './s3.js'

const origins = (blobUrl: string) => s3Origins(parseS3Url(blobUrl))

describe('S3 origins', () => {
  it('names the endpoint (path style, the default with one), its bucket host, or AWS bucket hosts', () => {
    expect(origins('s3://k:s@chat?endpoint=http://127.0.0.1:9310')).toEqual(['http://127.0.0.1:9310'])
    expect(origins('s3://chat/p?endpoint=https://minio.example:9000/&path_style=false')).toEqual([
      'https://chat.minio.example:9000',
    ])
    expect(origins('s3://chat?region=eu-west-1')).toEqual([
      'https://chat.s3.eu-west-1.amazonaws.com',
      'https://chat.s3.amazonaws.com',
    ])
    expect(origins('s3://chat?path_style=true')).toEqual([
      'https://s3.us-east-1.amazonaws.com',
      'https://s3.amazonaws.com',
    ])
  })
})
