// Media for the attachment tests: the smallest bytes the upload checks take for an image or a voice message, their
// hash, and the refusal a REST call should end with.
import { createHash, randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import { ApiError } from '../../src/client/rest.js'

/** a PNG's signature and IHDR (what the sniffer reads), then filler */
export function png(width: number, height: number, filler = 2000): Buffer {
  const ihdr = Buffer.alloc(25)
  ihdr.writeUInt32BE(13, 0)
  ihdr.write('IHDR', 4, 'latin1')
  ihdr.writeUInt32BE(width, 8)
  ihdr.writeUInt32BE(height, 12)
  ihdr.writeUInt8(8, 16)
  ihdr.writeUInt8(6, 17)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, randomBytes(filler)])
}

/** a WAV of `ms` milliseconds of 8 kHz 16-bit mono */
export function wav(ms: number): Buffer {
  const data = (16_000 * ms) / 1000
  const h = Buffer.alloc(44)
  h.write('RIFF', 0, 'latin1')
  h.writeUInt32LE(36 + data, 4)
  h.write('WAVEfmt ', 8, 'latin1')
  h.writeUInt32LE(16, 16)
  h.writeUInt16LE(1, 20)
  h.writeUInt16LE(1, 22)
  h.writeUInt32LE(8000, 24)
  h.writeUInt32LE(16_000, 28)
  h.writeUInt16LE(2, 32)
  h.writeUInt16LE(16, 34)
  h.write('data', 36, 'latin1')
  h.writeUInt32LE(data, 40)
  return Buffer.concat([h, Buffer.alloc(data)])
}

export const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex')

export async function refused(p: Promise<unknown>, status: number, code: string) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err, `expected ${status} ${code}`).toBeInstanceOf(ApiError)
  expect({ status: (err as ApiError).status, code: (err as ApiError).code }).toEqual({ status, code })
}

/** a real PNG (one that decodes), of a gradient so that it does not compress to nothing */
export async function decodablePng(width: number, height: number): Promise<Buffer> {
  const { default: sharp } = await import('sharp')
  const raw = Buffer.alloc(width * height * 3)
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7) % 251
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer()
}

/** what a thumbnail's bytes are, read by sharp */
export async function imageInfo(bytes: Uint8Array): Promise<{ format: string; width: number; height: number }> {
  const { default: sharp } = await import('sharp')
  const m = await sharp(bytes).metadata()
  return { format: m.format, width: m.width, height: m.height }
}
