// An image's thumbnail, made when its upload is completed: at most THUMBNAIL_EDGE pixels on the long side, WebP,
// turned upright by its EXIF orientation (which the thumbnail then drops, with the rest of the metadata). sharp
// decodes and encodes on libuv's thread pool, so the event loop only waits for the result; the decoder is bounded
// by the same pixel limit the sniffer applies to the header (limitInputPixels), so a header that lies about its
// size cannot make it allocate more.
import sharp from 'sharp'
import type { Thumbnail } from '../../src/domain/message.js'

export const THUMBNAIL_EDGE = 320
export const THUMBNAIL_MIME = 'image/webp'

/**
 * Thumbnails decoded at once per process: a decoded image of the largest size taken is hundreds of MB, and each
 * takes a thread of libuv's pool (shared with file and DNS work); more wait their turn.
 */
export const THUMBNAILS_AT_ONCE = 2

// one-off images: libvips' operation cache would only hold memory
sharp.cache(false)

let running = 0
const waiting: Array<() => void> = []

/** runs `work` when fewer than THUMBNAILS_AT_ONCE are running; a finished one hands its turn to the next */
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running < THUMBNAILS_AT_ONCE) running++
  else await new Promise<void>((turn) => waiting.push(turn))
  try {
    return await work()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
}

/** The thumbnail of `image`; throws when sharp cannot decode it (a corrupt or truncated image). */
export function makeThumbnail(image: Buffer, maxPixels: number): Promise<{ bytes: Buffer; info: Thumbnail }> {
  return inTurn(() => thumbnailNow(image, maxPixels))
}

async function thumbnailNow(image: Buffer, maxPixels: number): Promise<{ bytes: Buffer; info: Thumbnail }> {
  const { data, info } = await sharp(image, { limitInputPixels: maxPixels, failOn: 'error' })
    .rotate()
    .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75, effort: 2 })
    .toBuffer({ resolveWithObject: true })
  return { bytes: data, info: { width: info.width, height: info.height, size: data.length, mime: THUMBNAIL_MIME } }
}
