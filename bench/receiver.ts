// A receiving connection (runs in the client worker threads): opens one socket of any dialect and hands every
// text frame to `onFrame`. Nothing else happens per frame here, so the three systems cost the client the same.
import WebSocket from 'ws'
import { io } from 'socket.io-client'
import { socketIoOptions, webSocketUrl, type Endpoint } from './endpoints.js'

export interface Receiver {
  close(): void
}

export function openReceiver(
  e: Endpoint,
  onFrame: (text: string) => void,
  onLost: (why: string) => void,
): Promise<Receiver> {
  return e.dialect === 'socketio' ? openSocketIo(e, onFrame, onLost) : openWebSocket(e, onFrame, onLost)
}

function openWebSocket(e: Endpoint, onFrame: (text: string) => void, onLost: (why: string) => void): Promise<Receiver> {
  const ws = new WebSocket(webSocketUrl(e), { perMessageDeflate: false, localAddress: e.localAddress })
  return new Promise((resolve, reject) => {
    let open = false
    let closing = false
    ws.once('open', () => {
      open = true
      resolve({
        close: () => {
          closing = true
          ws.terminate()
        },
      })
    })
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)))
    ws.on('error', (err) => {
      if (!open) reject(err)
    })
    ws.on('message', (data, isBinary) => {
      if (!isBinary) onFrame(data.toString())
    })
    ws.once('close', (code) => {
      if (open && !closing) onLost(`closed ${code}`)
    })
  })
}

function openSocketIo(e: Endpoint, onFrame: (text: string) => void, onLost: (why: string) => void): Promise<Receiver> {
  const socket = io(e.url, socketIoOptions(e.localAddress))
  return new Promise((resolve, reject) => {
    let open = false
    let closing = false
    socket.once('connect', () => {
      open = true
      resolve({
        close: () => {
          closing = true
          socket.disconnect()
        },
      })
    })
    socket.once('connect_error', (err) => {
      if (!open) {
        socket.disconnect()
        reject(err)
      }
    })
    socket.on('message', (text: string) => onFrame(text))
    socket.on('disconnect', (reason) => {
      if (open && !closing) onLost(reason)
    })
  })
}
