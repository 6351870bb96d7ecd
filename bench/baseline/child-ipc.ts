// The baseline servers' side of their IPC channel: announce the port, then answer stats requests with this
// process's resident memory and CPU time (the figures gochat's gateway gives in /metrics).
export interface ChildStats {
  rssBytes: number
  cpuMs: number
  connections: number
}

export type ParentRequest = { type: 'stats' }
export type ChildMessage = { type: 'ready'; port: number } | ({ type: 'stats' } & ChildStats)

export function reportToParent(port: number, connections: () => number): void {
  const send = process.send?.bind(process)
  if (!send) {
    console.log(`listening on http://127.0.0.1:${port}`)
    return
  }
  process.on('message', (m: ParentRequest) => {
    if (m.type !== 'stats') return
    const u = process.cpuUsage()
    send({
      type: 'stats',
      rssBytes: process.memoryUsage().rss,
      cpuMs: (u.user + u.system) / 1000,
      connections: connections(),
    } satisfies ChildMessage)
  })
  // the parent going away ends the server: no orphan keeps a port or a core
  process.on('disconnect', () => process.exit(0))
  send({ type: 'ready', port } satisfies ChildMessage)
}
