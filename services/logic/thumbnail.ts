// An image's thumbnail, made when its upload is completed: at most THUMBNAIL_EDGE pixels on the long side, WebP,
// turned upright by its EXIF orientation (which the thumbnail then drops, with the rest of the metadata). sharp
// decodes and encodes on libuv's thread pool, so the event loop only waits for the result; the decoder is bounded
// by the same pixel limit the sniffer applies to the header (limitInputPixels), so a header that lies about its
// size cannot make it allocate more.
import sharp from 'sharp'
import type { Thumbnail } from '../../src/domain/message.js'

export const THUMBNAIL_EDGE = 320
export const THUMBNAIL_MIME = 'image/webp'

// one-off images: libvips' operation cache would only hold memory
sharp.cache(false)

/** The thumbnail of `image`; throws when sharp cannot decode it (a corrupt or truncated image). */
export async function makeThumbnail(image: Buffer, maxPixels: number): Promise<{ bytes: Buffer; info: Thumbnail }> {
  const { data, info } = await sharp(image, { limitInputPixels: maxPixels, failOn: 'error' })
    .rotate()
    .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75, effort: 2 })
    .toBuffer({ resolveWithObject: true })
  return { bytes: data, info: { width: info.width, height: info.height, size: data.length, mime: THUMBNAIL_MIME } }
}
