// Throwaway certificates for TLS tests, made with openssl in a temp dir: a CA and leaf certificates it signs
// (each valid for localhost, 127.0.0.1 and the names given, usable as server and as client).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TestCa {
  dir: string
  ca: string
  caKey: string
  /** a certificate signed by this CA: paths of cert and key */
  issue(name: string, altNames?: string[]): { cert: string; key: string }
  remove(): void
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })

export function makeCa(tag = 'ca'): TestCa {
  const dir = mkdtempSync(join(tmpdir(), `gochat-certs-${tag}-`))
  const [ca, caKey] = [join(dir, `${tag}.pem`), join(dir, `${tag}-key.pem`)]
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=gochat test ${tag}`,
    '-keyout',
    caKey,
    '-out',
    ca,
  ])
  return {
    dir,
    ca,
    caKey,
    issue(name, altNames = []) {
      const [cert, key, csr, ext] = ['.pem', '-key.pem', '.csr', '.ext'].map((s) => join(dir, `${name}${s}`)) as [
        string,
        string,
        string,
        string,
      ]
      const sans = [
        'DNS:localhost',
        'IP:127.0.0.1',
        ...altNames.map((n) => (/^[\d.]+$/.test(n) ? `IP:${n}` : `DNS:${n}`)),
      ]
      writeFileSync(ext, `subjectAltName=${sans.join(',')}\nextendedKeyUsage=serverAuth,clientAuth\n`)
      openssl(dir, [
        'req',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-subj',
        `/CN=${name}`,
        '-keyout',
        key,
        '-out',
        csr,
      ])
      openssl(dir, [
        'x509',
        '-req',
        '-in',
        csr,
        '-CA',
        ca,
        '-CAkey',
        caKey,
        '-CAcreateserial',
        '-days',
        '2',
        '-extfile',
        ext,
        '-out',
        cert,
      ])
      return { cert, key }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}
