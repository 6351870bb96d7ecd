// The kernel's table of IPv4 TCP sockets (Linux /proc/net/tcp): which local addresses hold connections to a port,
// to see where a bench's sockets really came from.

/** established TCP sockets to `port`, counted by their local (source) address */
export function establishedTo(port: number, table: string): Map<string, number> {
  const by = new Map<string, number>()
  for (const line of table.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/)
    if (f.length < 4 || f[3] !== '01') continue // 01: ESTABLISHED
    if (Number.parseInt(f[2]!.split(':')[1]!, 16) !== port) continue
    // the address is little-endian hex
    const ip = f[1]!
      .split(':')[0]!
      .match(/../g)!
      .reverse()
      .map((b) => Number.parseInt(b, 16))
      .join('.')
    by.set(ip, (by.get(ip) ?? 0) + 1)
  }
  return by
}
