// Where a logic or repo process binds its gRPC server, and the address it reports (ready file, logs) as the one
// peers dial. Unset *_listen: it binds *_addr itself, as on one host. Set: it binds *_listen and advertises
// *_addr, whose port 0 stands for the port actually bound (so a supervisor can start it on a free port).
import { ConfigError, type GochatConfig } from '../src/config/index.js'

export interface GrpcBinding {
  listen: string
  /** the address to report once `bound` (host:port as the server bound it) is known */
  advertise(bound: string): string
}

const portOf = (addr: string) => addr.slice(addr.lastIndexOf(':') + 1)
const hostOf = (addr: string) => addr.slice(0, addr.lastIndexOf(':'))

export function grpcBinding(cfg: GochatConfig, role: 'logic' | 'repo'): GrpcBinding {
  const addr = role === 'logic' ? cfg.logic_addr : cfg.repo_addr
  const listen = role === 'logic' ? cfg.logic_listen : cfg.repo_listen
  const list = addr.includes(',')
  if (listen === null) {
    if (list)
      throw new ConfigError(
        `${role}_addr is a list (${addr}): a ${role} process listens on one host:port; set ${role}_listen to the one it binds`,
      )
    return { listen: addr, advertise: (bound) => bound }
  }
  // in a list the process cannot tell which entry is its own: it reports what it bound
  if (list) return { listen, advertise: (bound) => bound }
  return { listen, advertise: (bound) => (portOf(addr) === '0' ? `${hostOf(addr)}:${portOf(bound)}` : addr) }
}
