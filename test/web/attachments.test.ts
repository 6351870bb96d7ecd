// Attachments on the web page in Chromium against `gochat up`: a photo picked with the attach button and a voice
// message recorded with MediaRecorder (Chromium's fake microphone) reach the other user as a preview and a player;
// what the receiver downloads is byte for byte what the sender's page uploaded; refusals are shown in words.
import { createHash } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ownS3Proxy } from '../helpers/s3proxy.js'
import {
  WAIT,
  list,
  newPage,
  openDirect,
  pageErrors,
  present,
  required,
  setUpWebPage,
  signIn,
  up,
} from '../helpers/web.js'

/** a microphone that plays a beep, granted without asking; playback without a user gesture */
const MEDIA_ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
]
const IMAGE_LIMIT = 100_000
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

const acked = (page: Page) => list(page).and(page.locator('[data-seq]'))

/** the SHA-256 of what the page gets from an element's URL attribute (as the browser downloads it) */
const downloaded = (page: Page, testid: string, attr: string) =>
  page
    .getByTestId(testid)
    .first()
    .evaluate(async (e, a) => {
      // not from the cache: the element's no-cors copy has no CORS headers for a store on another origin
      const bytes = await (await fetch(e.getAttribute(a)!, { cache: 'no-store' })).arrayBuffer()
      const digest = await crypto.subtle.digest('SHA-256', bytes)
      return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
    }, attr)

/** a real 40×30 PNG, drawn by Chromium */
const drawPng = async (page: Page) =>
  Buffer.from(
    await page.evaluate(() => {
      const canvas = document.createElement('canvas')
      canvas.width = 40
      canvas.height = 30
      const g = canvas.getContext('2d')!
      g.fillStyle = '#2563eb'
      g.fillRect(0, 0, 40, 30)
      return canvas.toDataURL('image/png').split(',')[1]!
    }),
    'base64',
  )

describe.skipIf(!present && !required)('attachments on the web page in Chromium', () => {
  setUpWebPage({
    upEnv: { GOCHAT_UPLOAD_MAX_BYTES_IMAGE: String(IMAGE_LIMIT) }, // a small limit: a quick refusal
    extraArgs: MEDIA_ARGS,
  })

  it('a photo and a voice message reach the other user as a preview and a player, byte for byte', async () => {
    const alice = await newPage()
    const bob = await newPage()
    await signIn(alice, 'Alice', false)
    const bobId = await signIn(bob, 'Bob', false)
    await openDirect(alice, bobId)

    // what Alice's page uploads (the bodies its XMLHttpRequests send; the protocol does not show Blob bodies)
    await alice.evaluate(() => {
      const w = window as unknown as { sentBodies: Blob[] }
      w.sentBodies = []
      const send = XMLHttpRequest.prototype.send
      XMLHttpRequest.prototype.send = function (body) {
        if (body instanceof Blob) w.sentBodies.push(body)
        return send.call(this, body)
      }
    })
    const sentBodies = async () =>
      (
        await alice.evaluate(() =>
          Promise.all(
            (window as unknown as { sentBodies: Blob[] }).sentBodies.map(async (b) =>
              Array.from(new Uint8Array(await b.arrayBuffer())),
            ),
          ),
        )
      ).map((bytes) => Buffer.from(bytes))

    // a real PNG (Chromium draws it), picked with the attach button
    const photo = await drawPng(alice)
    // what the upload bar says, as it changes
    await alice.evaluate(() => {
      const w = window as unknown as { uploadTexts: string[] }
      w.uploadTexts = []
      const text = document.querySelector('[data-testid="upload-text"]')!
      new MutationObserver(() => w.uploadTexts.push(text.textContent ?? '')).observe(text, { childList: true })
    })
    const chooser = alice.waitForEvent('filechooser')
    await alice.getByTestId('attach').click()
    await (await chooser).setFiles({ name: 'square.png', mimeType: 'image/png', buffer: photo })
    await acked(alice).getByTestId('attachment-image').waitFor()
    const bar = await alice.evaluate(() => (window as unknown as { uploadTexts: string[] }).uploadTexts)
    expect(bar[0]).toBe('Uploading square.png…')
    expect(bar).toContain('Uploading square.png… 100%')
    expect(await alice.getByTestId('upload-status').isHidden()).toBe(true)

    // a voice message: record, stop, listen, send
    await alice.getByTestId('record').click()
    await expect.poll(() => alice.getByTestId('record').getAttribute('data-recording'), WAIT).toBe('true')
    await alice.waitForTimeout(1500)
    await alice.getByTestId('record').click()
    await alice.getByTestId('voice-preview').waitFor()
    await alice.getByTestId('voice-send').click()
    await acked(alice).getByTestId('attachment-audio').waitFor()
    await expect.poll(() => acked(alice).count(), WAIT).toBe(2)
    const sent = await sentBodies()
    expect(sent.map((b) => b.length > 0)).toEqual([true, true])
    expect(sha(sent[0]!)).toBe(sha(photo))

    // Bob sees the preview (decoded: it has pixels) and the full size view
    await bob.bringToFront()
    await bob.getByTestId('conversation').first().click()
    await expect.poll(() => acked(bob).count(), WAIT).toBe(2)
    const preview = bob.getByTestId('attachment-image')
    await expect.poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth), WAIT).toBe(40)
    await preview.click()
    await bob.getByTestId('image-overlay').waitFor()
    await expect
      .poll(() => bob.getByTestId('image-overlay-img').evaluate((img) => (img as HTMLImageElement).naturalWidth), WAIT)
      .toBe(40)
    await bob.getByTestId('image-overlay').click()
    await bob.getByTestId('image-overlay').waitFor({ state: 'hidden' })

    // ... and plays the voice message: its time advances
    const audio = bob.getByTestId('attachment-audio')
    await expect.poll(() => audio.getAttribute('src'), WAIT).toBeTruthy()
    await audio.evaluate((a) => (a as HTMLAudioElement).play())
    await expect
      .poll(() => audio.evaluate((a) => (a as HTMLAudioElement).currentTime > 0 || (a as HTMLAudioElement).ended), WAIT)
      .toBe(true)

    // what Bob downloads is what Alice uploaded: the full-size view shows the original, the preview its thumbnail
    expect(await downloaded(bob, 'image-overlay-img', 'src')).toBe(sha(sent[0]!))
    expect(await downloaded(bob, 'attachment-image', 'src')).not.toBe(sha(sent[0]!))
    expect(await downloaded(bob, 'attachment-audio', 'src')).toBe(sha(sent[1]!))
    expect(pageErrors).toEqual([])
  })

  it('shows why an attachment is refused (too large, not what its type says), and sends a dropped file', async () => {
    const page = await newPage()
    const peerId = await signIn(await newPage(), 'Peer', false)
    await signIn(page, 'Sender', false)
    await openDirect(page, peerId)

    const input = page.getByTestId('attach-input')
    await input.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(IMAGE_LIMIT + 1) })
    await expect.poll(() => page.getByTestId('error-text').textContent(), WAIT).toMatch(/^That is too large/)
    await expect.poll(() => page.getByTestId('upload-text').textContent(), WAIT).toBe('Not sent: huge.png')

    await input.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not a png at all') })
    await expect
      .poll(() => page.getByTestId('error-text').textContent(), WAIT)
      .toMatch(/^That type of file cannot be sent/)
    await expect.poll(() => page.getByTestId('upload-text').textContent(), WAIT).toBe('Not sent: fake.png')
    expect(await list(page).count()).toBe(0)

    // a file dropped onto the conversation is sent as a download link with its name and size
    await page.getByTestId('pane').evaluate((pane) => {
      const data = new DataTransfer()
      data.items.add(new File(['hello, file'], 'notes.txt', { type: 'text/plain' }))
      pane.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }))
      pane.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    })
    const link = acked(page).getByTestId('attachment-file')
    await expect.poll(() => link.textContent(), WAIT).toBe('notes.txt')
    expect(await acked(page).locator('.attachment.file').textContent()).toBe('notes.txt 11 B')
    await expect.poll(() => link.getAttribute('href'), WAIT).toMatch(/^\/v1\/blobs\//)
    expect(await page.getByTestId('upload-status').isHidden()).toBe(true)
    expect(pageErrors).toEqual([])
  })
})

// with an S3 blob store the page uploads to and shows from the store's origin: the page's policy must allow it
const proxy = present ? await ownS3Proxy('gochat-page') : null

describe.skipIf(!proxy)('attachments on the web page with an S3 blob store (S3Proxy)', () => {
  // registered first, so it runs last: after the page's gochat up and browser are gone
  afterAll(async () => {
    await proxy?.stop()
  })
  setUpWebPage({ upEnv: { GOCHAT_BLOB_URL: proxy!.blobUrl }, extraArgs: MEDIA_ARGS })

  it('a photo goes up to the store and the other user sees it from there, byte for byte', async () => {
    const alice = await newPage()
    const bob = await newPage()
    await signIn(alice, 'Alice', false, up.url)
    const bobId = await signIn(bob, 'Bob', false, up.url)
    await openDirect(alice, bobId)
    const photo = await drawPng(alice)
    await alice.getByTestId('attach-input').setInputFiles({ name: 'sq.png', mimeType: 'image/png', buffer: photo })
    await acked(alice).getByTestId('attachment-image').waitFor()

    await bob.bringToFront()
    await bob.getByTestId('conversation').first().click()
    const preview = bob.getByTestId('attachment-image')
    await expect.poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth), WAIT).toBe(40)
    expect(new URL((await preview.getAttribute('src'))!).origin).toBe(new URL(proxy!.endpoint).origin)
    await preview.click()
    const full = bob.getByTestId('image-overlay-img')
    await expect.poll(() => full.evaluate((img) => (img as HTMLImageElement).naturalWidth), WAIT).toBe(40)
    expect(await downloaded(bob, 'image-overlay-img', 'src')).toBe(sha(photo))
    expect(pageErrors).toEqual([])
  })
})
