// The value types config keys share: ports, lists, addresses and CIDR blocks, URLs, listen addresses.
import { isIP } from 'node:net'
import { z } from 'zod'

// 0 asks the OS for any free port (tests, several instances on one machine)
export const port = z.coerce.number().int().min(0).max(65535)
export const positiveInt = z.coerce.number().int().min(1)
export const list = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(z.string().min(1)),
)
/** addresses or CIDR blocks (IPv4 or IPv6), e.g. 127.0.0.0/8,::1 */
export const addressList = list.pipe(
  z.array(
    z.string().refine((v) => {
      const [addr = '', bits, ...rest] = v.split('/')
      const family = isIP(addr)
      if (!family || rest.length) return false
      return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
    }, 'expected an IP address or CIDR block'),
  ),
)
export const optionalUrl = (scheme: RegExp, example: string) =>
  z.preprocess(
    (v) => (v === '' || v === 'embedded' ? null : v),
    z.string().regex(scheme, `expected a URL like ${example}, or "embedded"`).nullable(),
  )

/** one host:port to bind a gRPC server on (an IPv6 host in brackets), or unset */
export const listenAddr = z.preprocess(
  (v) => (v === '' ? null : v),
  z
    .string()
    .regex(/^([^:\s,[\]]+|\[[0-9a-fA-F:.]+\]):\d{1,5}$/, 'expected one host:port')
    .refine((v) => Number(v.slice(v.lastIndexOf(':') + 1)) <= 65535, 'port above 65535')
    .nullable(),
)
