// `gochat bench send --kind image`: each measured message is a whole image send as a client makes it, an upload
// slot, the PUT of the bytes to the blob store, the completion (which checks them and makes the thumbnail), then
// the image message naming the attachment. The send stamp is taken before the slot, so the latency a receiver
// records is upload and message together.
import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { RestClient } from '../src/client/rest.js'

const images = new Map<number, Promise<Buffer>>()

/**
 * A PNG of about `bytes` bytes that decodes (random pixels, stored uncompressed, so its size is what was asked
 * and the server's thumbnail does real work); one per size and process.
 */
export function benchImage(bytes: number): Promise<Buffer> {
  let image = images.get(bytes)
  if (!image) {
    const side = Math.max(8, Math.floor(Math.sqrt(bytes / 3)))
    image = sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer()
    images.set(bytes, image)
  }
  return image
}

/** slot, PUT, complete, as the user of `token` on the gateway `url`; the attachment id to send */
export async function uploadImage(url: string, token: string, image: Buffer): Promise<string> {
  const rest = new RestClient(url, token)
  const slot = await rest.uploadSlot('image', 'image/png', image.length)
  const put = await rest.blob(slot.upload, image)
  if (put.status !== 200) throw new Error(`upload PUT answered ${put.status}`)
  await rest.completeUpload(slot.attachmentId)
  return slot.attachmentId
}
