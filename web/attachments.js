// Attachments (docs/protocol.md "Uploads and downloads"): a picked, dropped or recorded file goes up by its signed
// URL (XMLHttpRequest, for the progress bar), is completed, then sent as an image, file or voice message through
// the same pending path as text. Shown messages carry their attachment as a preview, a download link or a player.
import { api, enc } from './api.js'
import { $, el } from './dom.js'
import { GochatError } from './errors.js'
import { showError } from './render.js'
import { send } from './sending.js'
import { convs, state } from './state.js'

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']) // upload_mime_image's default
const VOICE_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4'] // what MediaRecorder may make
const URL_MARGIN_MS = 30_000 // a download URL this close to its expiry is asked for again

export const kindOf = (file) => (IMAGE_TYPES.has(file.type) ? 'image' : 'file')
const bareMime = (type) => (type || 'application/octet-stream').split(';')[0].trim()

export function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`
}

function progress(text, fraction) {
  $('upload-status').hidden = text === null
  $('upload-text').textContent = text ?? ''
  $('upload-progress').value = fraction ?? 0
}

/** PUT the bytes to a signed URL with exactly its headers, reporting progress (fetch cannot, for uploads). */
function put(signed, blob, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(signed.method, signed.url)
    for (const [k, v] of Object.entries(signed.headers ?? {})) xhr.setRequestHeader(k, v)
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total)
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve()
      let body
      try {
        body = JSON.parse(xhr.responseText)
      } catch {}
      reject(new GochatError(body?.error?.code ?? `http_${xhr.status}`, body?.error?.message, xhr.status))
    }
    xhr.onerror = () => reject(new GochatError('network', 'the upload did not get through'))
    xhr.send(blob)
  })
}

/** Uploads one file (slot, bytes, completion) and sends it to the open conversation; refusals go to the banner. */
export async function sendFile(blob, kind = kindOf(blob), name = blob.name) {
  const c = convs.get(state.openId)
  if (!c) return
  const label = name || (kind === 'voice' ? 'voice message' : kind)
  try {
    progress(`Uploading ${label}…`, 0)
    const mime = bareMime(blob.type)
    const slot = await api('POST', '/v1/uploads', { kind, mime, size: blob.size, ...(name ? { name } : {}) })
    await put(slot.upload, blob, (f) => progress(`Uploading ${label}… ${Math.round(f * 100)}%`, f))
    const attachment = await api('POST', `/v1/uploads/${enc(slot.attachmentId)}/complete`)
    send('', { kind, attachmentId: attachment.attachmentId, attachment }, c)
    progress(null)
  } catch (err) {
    progress(`Not sent: ${label}`, 0)
    showError(err)
  }
}

const urls = new Map() // attachment id (+ variant) → a download SignedUrl
/** A download URL for an attachment (or its thumbnail), reused until shortly before it expires. */
export async function downloadUrl(id, variant = '') {
  const key = `${id}${variant}`
  const held = urls.get(key)
  if (held && held.expiresAt - Date.now() > URL_MARGIN_MS) return held.url
  const signed = await api('GET', `/v1/attachments/${enc(id)}/url${variant ? `?variant=${variant}` : ''}`)
  urls.set(key, signed)
  return signed.url
}

/** Sets an element's `attr` to the attachment's URL once known (a failure shows as a note, not the banner). */
function fill(node, attr, id, variant) {
  downloadUrl(id, variant)
    .catch(() => (variant ? downloadUrl(id) : Promise.reject(new Error('no URL'))))
    .then(
      (url) => node.setAttribute(attr, url),
      () => node.replaceWith(el('span', { class: 'hint', text: 'attachment unavailable' })),
    )
}

function showFull(id, name) {
  const img = $('image-overlay-img')
  img.removeAttribute('src')
  img.alt = name
  fill(img, 'src', id)
  $('image-overlay').hidden = false
}

const nodes = new Map() // message id → its attachment's element: kept across renders (a playing voice plays on)
/** The element showing a message's attachment, or '' when it has none. */
export function attachmentNode(m) {
  const a = m.attachment
  if (!a || m.status !== 'normal') return ''
  const held = nodes.get(m.messageId)
  if (held) return held
  const name = a.name || m.kind
  let node
  if (m.kind === 'image') {
    const img = el('img', { alt: name, 'data-testid': 'attachment-image', width: a.width || undefined })
    if (a.width && a.height) img.style.aspectRatio = `${a.width} / ${a.height}`
    fill(img, 'src', a.attachmentId, a.thumbnail ? 'thumbnail' : '')
    node = el('button', { type: 'button', class: 'attachment image', title: name }, img)
    node.addEventListener('click', () => showFull(a.attachmentId, name))
  } else if (m.kind === 'voice') {
    const audio = el('audio', { controls: true, preload: 'metadata', 'data-testid': 'attachment-audio' })
    fill(audio, 'src', a.attachmentId)
    const length = a.durationMs
      ? ` ${Math.floor(a.durationMs / 60_000)}:${String(Math.round(a.durationMs / 1000) % 60).padStart(2, '0')}`
      : ''
    node = el(
      'div',
      { class: 'attachment voice' },
      el('span', { class: 'hint', text: `Voice message${length}` }),
      audio,
    )
  } else {
    const link = el('a', { 'data-testid': 'attachment-file', download: a.name || '', text: name })
    fill(link, 'href', a.attachmentId)
    node = el('div', { class: 'attachment file' }, link, el('span', { class: 'hint', text: ` ${sizeText(a.size)}` }))
  }
  node.dataset.attachmentId = a.attachmentId
  nodes.set(m.messageId, node)
  return node
}

let recorder = null
/** Record → stop → send: one voice message from the microphone (MediaRecorder). */
async function toggleRecording() {
  const button = $('record')
  if (recorder) return recorder.stop()
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true })
  const mimeType = VOICE_TYPES.find((t) => MediaRecorder.isTypeSupported(t))
  const chunks = []
  recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {})
  recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data)
  recorder.onstop = () => {
    for (const t of stream.getTracks()) t.stop()
    const type = recorder.mimeType || mimeType || 'audio/webm'
    recorder = null
    button.textContent = 'Record'
    button.dataset.recording = 'false'
    $('voice-preview').hidden = false
    const blob = new Blob(chunks, { type })
    $('voice-preview-audio').src = URL.createObjectURL(blob)
    voiceDraft = blob
  }
  recorder.start()
  button.textContent = 'Stop'
  button.dataset.recording = 'true'
}

let voiceDraft = null
function dropVoice() {
  voiceDraft = null
  const audio = $('voice-preview-audio')
  if (audio.src) URL.revokeObjectURL(audio.src)
  audio.removeAttribute('src')
  $('voice-preview').hidden = true
}

/** Wires the attach button, drag-and-drop onto the conversation, the recorder and the full-size overlay. */
export function initAttachments() {
  const input = $('attach-input')
  $('attach').addEventListener('click', () => input.click())
  input.addEventListener('change', async () => {
    const files = [...input.files]
    input.value = ''
    for (const f of files) await sendFile(f)
  })
  const pane = $('pane')
  pane.addEventListener('dragover', (e) => {
    if (!state.openId || !e.dataTransfer?.types.includes('Files')) return
    e.preventDefault()
    pane.classList.add('dropping')
  })
  pane.addEventListener('dragleave', (e) => e.target === pane && pane.classList.remove('dropping'))
  pane.addEventListener('drop', async (e) => {
    pane.classList.remove('dropping')
    if (!state.openId || !e.dataTransfer?.files.length) return
    e.preventDefault()
    for (const f of [...e.dataTransfer.files]) await sendFile(f)
  })
  $('record').addEventListener('click', () =>
    toggleRecording().catch((err) => showError(new GochatError('recording', `cannot record: ${err.message}`))),
  )
  $('voice-send').addEventListener('click', () => {
    const blob = voiceDraft
    dropVoice()
    if (blob) void sendFile(blob, 'voice', '')
  })
  $('voice-discard').addEventListener('click', dropVoice)
  const overlay = $('image-overlay')
  overlay.addEventListener('click', () => (overlay.hidden = true))
  document.addEventListener('keydown', (e) => e.key === 'Escape' && (overlay.hidden = true))
}
