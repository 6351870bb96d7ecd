// The thumbnail of an upload (thumbnail.ts): bounded on the long side, WebP, never enlarged; an image sharp cannot
// decode, or one of more pixels than the limit (a solid-colour PNG is tiny on the wire and huge decoded), throws.
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { decodablePng, imageInfo, png } from '../../test/helpers/media.js'
import { makeThumbnail, THUMBNAIL_EDGE } from './thumbnail.js'

describe('makeThumbnail', () => {
  it('makes a WebP at most 320 px on the long side, keeping the aspect ratio', async () => {
    const { bytes, info } = await makeThumbnail(await decodablePng(1000, 600), 50_000_000)
    expect(info).toEqual({ width: THUMBNAIL_EDGE, height: 192, size: bytes.length, mime: 'image/webp' })
    expect(await imageInfo(bytes)).toEqual({ format: 'webp', width: 320, height: 192 })
  })

  it('never enlarges a small image', async () => {
    const { info } = await makeThumbnail(await decodablePng(40, 90), 50_000_000)
    expect(info).toMatchObject({ width: 40, height: 90 })
  })

  it('throws on an image it cannot decode, and on one of more pixels than the limit', async () => {
    await expect(makeThumbnail(png(64, 64), 50_000_000)).rejects.toThrow()
    const huge = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#345' } })
      .png()
      .toBuffer()
    expect(huge.length).toBeLessThan(200_000)
    await expect(makeThumbnail(huge, 10_000_000)).rejects.toThrow(/pixel limit/i)
  })
})
