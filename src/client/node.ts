// `gochat/client` in Node 20: the same library with `ws` as its WebSocket (Node 20 has none) and a file outbox.
import { GochatClient as BaseClient, type GochatClientOptions } from './gochat-client.js'
import { nodeTransport } from './node-transport.js'

export * from './index.js'
export { FileOutbox } from './outbox-file.js'
export { createNodeTransport, nodeTransport } from './node-transport.js'

/** GochatClient with `ws` underneath unless told otherwise. */
export class GochatClient extends BaseClient {
  constructor(opts: GochatClientOptions & { url: string | string[] }) {
    super({ transport: nodeTransport, ...opts })
  }
}
