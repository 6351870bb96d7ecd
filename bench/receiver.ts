// A receiving connection (runs in the client worker threads): opens one socket of any dialect and hands every
// text frame to `onFrame`. Nothing else happens per frame here, so the three systems cost the client the same.
// gochat and the ws baseline: gochat/client's connection in lean mode (library-socket.ts); Socket.IO its own client.
import { io } from 'socket.io-client'
import { socketIoOptions, type Endpoint } from './endpoints.js'
import { openLibrarySocket } from './library-socket.js'

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
  return openLibrarySocket(
    e,
    (text) => {
      onFrame(text)
      return true
    },
    onLost,
  )
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
