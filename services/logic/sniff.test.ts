// The sniffer reads what bytes are from their headers: each known format, its dimensions or duration, and the
// aliases a container answers to. Bytes it does not know are null, never a guess.
import { describe, expect, it } from 'vitest'
import { matches, sniff } from './sniff.js'

const bytes = (...parts: Array<string | number[] | Buffer>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))

describe('sniff', () => {
  it('reads a JPEG size from its first start-of-frame, past other segments', () => {
    const app0 = [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00]
    const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03]
    expect(sniff(bytes([0xff, 0xd8], app0, sof0, Buffer.alloc(20)))).toEqual({
      mime: 'image/jpeg',
      width: 640,
      height: 480,
    })
  })

  it('reads GIF and WebP (lossy, lossless, extended) sizes', () => {
    expect(sniff(bytes('GIF89a', [0x20, 0x00, 0x10, 0x00], Buffer.alloc(10)))).toEqual({
      mime: 'image/gif',
      width: 32,
      height: 16,
    })
    const vp8x = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8X', Buffer.alloc(8), [99, 0, 0], [49, 0, 0])
    expect(sniff(vp8x)).toEqual({ mime: 'image/webp', width: 100, height: 50 })
    const vp8l = Buffer.concat([bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8L', Buffer.alloc(5)), Buffer.alloc(4)])
    vp8l.writeUInt32LE((9 << 14) | 19, 21)
    expect(sniff(vp8l)).toEqual({ mime: 'image/webp', width: 20, height: 10 })
  })

  it('measures an Ogg Opus stream from its last granule position less the pre-skip', () => {
    const head = Buffer.concat([bytes('OggS'), Buffer.alloc(24), bytes('OpusHead', [1, 1]), Buffer.alloc(8)])
    head.writeUInt16LE(312, 38)
    const last = Buffer.concat([bytes('OggS'), Buffer.alloc(23)])
    last.writeBigUInt64LE(BigInt(312 + 48_000 * 12), 6)
    expect(sniff(Buffer.concat([head, Buffer.alloc(100), last]))).toEqual({ mime: 'audio/ogg', durationMs: 12_000 })
  })

  it('knows WebM, MP4, MP3, PDF and ZIP by their magic bytes, and nothing by a guess', () => {
    expect(sniff(bytes([0x1a, 0x45, 0xdf, 0xa3], Buffer.alloc(8)))?.mime).toBe('audio/webm')
    expect(sniff(bytes([0, 0, 0, 0x20], 'ftypM4A ', Buffer.alloc(8)))?.mime).toBe('audio/mp4')
    expect(sniff(bytes('ID3', Buffer.alloc(8)))?.mime).toBe('audio/mpeg')
    expect(sniff(bytes('%PDF-1.7'))?.mime).toBe('application/pdf')
    expect(sniff(bytes('PK\x03\x04', Buffer.alloc(8)))?.mime).toBe('application/zip')
    expect(sniff(bytes('<html><script>'))).toBeNull()
    expect(sniff(Buffer.alloc(0))).toBeNull()
  })

  it('takes a container for the types it answers to, and no other', () => {
    const webm = sniff(bytes([0x1a, 0x45, 0xdf, 0xa3]))!
    expect(matches(webm, 'audio/webm')).toBe(true)
    expect(matches(webm, 'video/webm')).toBe(true)
    expect(matches(webm, 'audio/ogg')).toBe(false)
    expect(matches(sniff(bytes('PK\x03\x04'))!, 'image/png')).toBe(false)
  })

  it('reads durations from the end of long bytes: an Ogg tail, a WAV count past the head', () => {
    const head = Buffer.concat([bytes('OggS'), Buffer.alloc(24), bytes('OpusHead', [1, 1]), Buffer.alloc(8)])
    const last = Buffer.concat([bytes('OggS'), Buffer.alloc(23)])
    last.writeBigUInt64LE(BigInt(48_000 * 3), 6)
    expect(sniff(head, last, 10_000_000)?.durationMs).toBe(3000)
    const wav = Buffer.alloc(44)
    wav.write('RIFF', 0, 'latin1')
    wav.write('WAVEfmt ', 8, 'latin1')
    wav.writeUInt32LE(16, 16)
    wav.writeUInt32LE(16_000, 28)
    wav.write('data', 36, 'latin1')
    wav.writeUInt32LE(160_000, 40)
    // the header claims 10 s; only 5 s of bytes arrived
    expect(sniff(wav, wav, 44 + 80_000)?.durationMs).toBe(5000)
  })
})
