// The PEM files an engine client's TLS reads from config (<engine>_tls_ca, _cert, _key), read once at start so a
// missing or unreadable file stops the start with its key and path, not a handshake error later.
import { readFileSync } from 'node:fs'

export interface TlsFiles {
  ca?: Buffer
  cert?: Buffer
  key?: Buffer
}

export function readPem(file: string, key: string): Buffer {
  try {
    return readFileSync(file)
  } catch (err) {
    throw new Error(`cannot read ${key} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
}

/** The files of `<engine>_tls_*` that are set, read; undefined when none is. A certificate needs its key. */
export function tlsFiles(
  engine: 'kafka' | 'mysql' | 'redis',
  files: { ca?: string | null; cert?: string | null; key?: string | null },
): TlsFiles | undefined {
  if (!files.ca && !files.cert && !files.key) return undefined
  if (Boolean(files.cert) !== Boolean(files.key))
    throw new Error(
      `${engine}_tls_cert and ${engine}_tls_key go together; only ${files.cert ? 'the certificate' : 'the key'} is set`,
    )
  return {
    ca: files.ca ? readPem(files.ca, `${engine}_tls_ca`) : undefined,
    cert: files.cert ? readPem(files.cert, `${engine}_tls_cert`) : undefined,
    key: files.key ? readPem(files.key, `${engine}_tls_key`) : undefined,
  }
}
