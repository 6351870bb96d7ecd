// The WebSocket: one connection at a time, reconnected with backoff; requests matched to answers by `ref`.
import { api, enc } from './api.js'
import { $ } from './dom.js'
import { GochatError } from './errors.js'
import { onFrame, onOnline } from './push.js'
import { showError } from './render.js'
import { state } from './state.js'

const REQUEST_TIMEOUT_MS = 10_000
const BACKOFF_MIN_MS = 500
const BACKOFF_MAX_MS = 15_000

/** One connection at a time, reconnected with exponential backoff; requests are matched to answers by `ref`. */
class Socket {
  state = 'offline'
  ws = null
  attempt = 0
  timer = null
  nextRef = 0
  waiting = new Map() // ref → { resolve, reject, timer }
  openWaiters = []

  constructor(handlers) {
    this.h = handlers
  }

  start() {
    this.stopped = false
    this.attempt = 0
    this.connect()
  }

  connect() {
    clearTimeout(this.timer)
    this.setState('connecting')
    const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/v1/ws?token=${enc(state.session.token)}`)
    this.ws = ws
    let opened = false
    ws.onopen = () => {
      opened = true
      this.attempt = 0
      this.setState('online')
      for (const w of this.openWaiters.splice(0)) w(true)
      this.h.onOpen()
    }
    ws.onmessage = (e) => {
      let frame
      try {
        frame = JSON.parse(e.data)
      } catch {
        return
      }
      const w = frame.ref !== undefined && this.waiting.get(frame.ref)
      if (!w) return this.h.onFrame(frame)
      this.waiting.delete(frame.ref)
      clearTimeout(w.timer)
      if (frame.op === 'error') w.reject(new GochatError(frame.code, frame.message))
      else w.resolve(frame)
    }
    ws.onclose = () => {
      if (this.ws !== ws) return
      this.ws = null
      for (const [ref, w] of this.waiting) {
        clearTimeout(w.timer)
        w.reject(new GochatError('network', 'the connection closed'))
        this.waiting.delete(ref)
      }
      if (this.stopped) return this.setState('offline')
      const delay = Math.round(
        Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.attempt++) * (0.5 + Math.random() / 2),
      )
      this.setState('offline', `retrying in ${Math.ceil(delay / 1000)} s`)
      this.timer = setTimeout(() => this.connect(), delay)
      // a refused upgrade looks like any other failure from here: ask REST whether the token still holds
      if (!opened) api('GET', '/v1/me').catch(() => {})
    }
  }

  /** Reconnects at once when offline (the browser came back online, or the user asked). */
  nudge() {
    if (!this.stopped && this.state === 'offline') this.connect()
  }

  stop() {
    this.stopped = true
    clearTimeout(this.timer)
    this.ws?.close(1000, 'signed out')
    for (const w of this.openWaiters.splice(0)) w(false)
  }

  get open() {
    return this.ws?.readyState === WebSocket.OPEN
  }

  /** Resolves true once open, false after `ms`. */
  whenOpen(ms) {
    if (this.open) return Promise.resolve(true)
    return new Promise((resolve) => {
      this.openWaiters.push(resolve)
      setTimeout(() => resolve(false), ms)
    })
  }

  /** A frame without an answer (typing); dropped when not connected. */
  notify(frame) {
    if (this.open) this.ws.send(JSON.stringify(frame))
  }

  request(frame) {
    if (!this.open) return Promise.reject(new GochatError('network', 'not connected'))
    const ref = `r${++this.nextRef}`
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(ref)
        reject(new GochatError('timeout', `${frame.op} got no answer`))
      }, REQUEST_TIMEOUT_MS)
      this.waiting.set(ref, { resolve, reject, timer })
      this.ws.send(JSON.stringify({ ...frame, ref }))
    })
  }

  setState(to, detail) {
    this.state = to
    const badge = $('conn-state')
    badge.dataset.state = to
    badge.textContent = detail ? `${to} (${detail})` : to
    // the banner: while a signed-in page has no connection (not during the very first connect)
    if (to === 'online') this.wasOnline = true
    $('offline-banner').hidden =
      to === 'online' || this.stopped || !state.session || (to === 'connecting' && !this.wasOnline)
  }
}

export const sock = new Socket({
  onOpen: () => void onOnline().catch(showError),
  onFrame: (f) => void onFrame(f).catch(showError),
})
