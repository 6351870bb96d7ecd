// What an upload's bytes are, from their first bytes (magic numbers) and headers, never from what the client
// claims: the mime type they really have, an image's dimensions, a voice message's duration. Only the formats
// the default allow-lists name are known; for anything else `sniff` says null (unknown), and a file of an unknown
// type is taken as what it claims only when its kind is `file`.

export interface Sniffed {
  mime: string
  width?: number
  height?: number
  durationMs?: number
}

const ascii = (b: Buffer, at: number, s: string) =>
  b.length >= at + s.length && b.toString('latin1', at, at + s.length) === s

/** JPEG: the first start-of-frame marker's dimensions */
function jpegSize(b: Buffer): { width: number; height: number } | undefined {
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined
    const marker = b[i + 1]!
    const len = b.readUInt16BE(i + 2)
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) }
    i += 2 + len
  }
  return undefined
}

function webpSize(b: Buffer): { width: number; height: number } | undefined {
  if (ascii(b, 12, 'VP8X') && b.length >= 30) return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) }
  if (ascii(b, 12, 'VP8 ') && b.length >= 30)
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff }
  if (ascii(b, 12, 'VP8L') && b.length >= 25) {
    const bits = b.readUInt32LE(21)
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) }
  }
  return undefined
}

/** WAV: the data chunk's bytes (no more than there are) over the format's byte rate */
function wavDuration(b: Buffer, total: number): number | undefined {
  let i = 12
  let byteRate = 0
  while (i + 8 <= b.length) {
    const id = b.toString('latin1', i, i + 4)
    const size = b.readUInt32LE(i + 4)
    if (id === 'fmt ' && i + 16 <= b.length) byteRate = b.readUInt32LE(i + 16)
    if (id === 'data') return byteRate ? Math.round((Math.min(size, total - i - 8) / byteRate) * 1000) : undefined
    i += 8 + size + (size % 2)
  }
  return undefined
}

/** Ogg Opus: the last page's granule position (48 kHz samples) less the pre-skip of the head */
function oggOpusDuration(b: Buffer, tail: Buffer): number | undefined {
  if (!ascii(b, 28, 'OpusHead') || b.length < 40) return undefined
  const preSkip = b.readUInt16LE(28 + 10)
  const last = tail.lastIndexOf('OggS', tail.length - 27, 'latin1')
  if (last < 0 || last + 14 > tail.length) return undefined
  const granule = Number(tail.readBigUInt64LE(last + 6))
  return Math.max(0, Math.round(((granule - preSkip) / 48_000) * 1000))
}

/** How much of an upload the sniffer needs: its first and its last bytes (an Ogg page is at most 65,307). */
export const SNIFF_HEAD = 256 * 1024
export const SNIFF_TAIL = 128 * 1024

/**
 * The type the bytes are, when they are one of the known formats; null when unknown. `b` is the start of them
 * (SNIFF_HEAD bytes or all); `tail` their end and `total` their count, when `b` is not all of them.
 */
export function sniff(b: Buffer, tail: Buffer = b, total: number = b.length): Sniffed | null {
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && ascii(b, 12, 'IHDR'))
    return { mime: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { mime: 'image/jpeg', ...jpegSize(b) }
  if ((ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) && b.length >= 10)
    return { mime: 'image/gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) }
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return { mime: 'image/webp', ...webpSize(b) }
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE')) return { mime: 'audio/wav', durationMs: wavDuration(b, total) }
  if (ascii(b, 0, 'OggS')) return { mime: 'audio/ogg', durationMs: oggOpusDuration(b, tail) }
  if (b.length >= 4 && b.readUInt32BE(0) === 0x1a45dfa3) return { mime: 'audio/webm' }
  if (ascii(b, 4, 'ftyp')) return { mime: 'audio/mp4' }
  if (ascii(b, 0, 'ID3') || (b.length >= 2 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0)) return { mime: 'audio/mpeg' }
  if (ascii(b, 0, '%PDF-')) return { mime: 'application/pdf' }
  if (ascii(b, 0, 'PK\x03\x04')) return { mime: 'application/zip' }
  return null
}

/** Types one container format answers to (audio/webm bytes are video/webm too; m4a is audio/mp4 or audio/x-m4a). */
const ALIASES: Record<string, string[]> = {
  'audio/webm': ['video/webm'],
  'audio/mp4': ['video/mp4', 'audio/x-m4a', 'audio/aac'],
  'audio/wav': ['audio/x-wav', 'audio/wave'],
  'audio/ogg': ['audio/opus', 'application/ogg'],
  'application/zip': [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/epub+zip',
    'application/java-archive',
  ],
}

/** whether sniffed bytes are what `claimed` says */
export const matches = (sniffed: Sniffed, claimed: string) =>
  sniffed.mime === claimed || (ALIASES[sniffed.mime] ?? []).includes(claimed)

const KNOWN = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'audio/wav',
  'audio/ogg',
  'audio/webm',
  'audio/mp4',
  'audio/mpeg',
  'application/pdf',
  'application/zip',
  ...Object.values(ALIASES).flat(),
])

/** whether the sniffer can tell bytes of this type (so a claim of it can be checked) */
export const recognizes = (mime: string) => KNOWN.has(mime)
