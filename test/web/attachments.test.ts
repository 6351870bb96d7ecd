// Attachments on the web page in Chromium against `gochat up`: a photo picked with the attach button and a voice
// message recorded with MediaRecorder (Chromium's fake microphone) reach the other user as a preview and a player;
// what the receiver downloads is byte for byte what the sender's page uploaded; refusals are shown in words.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { startUp } from '../helpers/up.js'

const CHROMIUM = '/usr/bin/chromium'
const present = existsSync(CHROMIUM)
const required = process.env.GOCHAT_REQUIRE_INFRA === '1'
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // a microphone that plays a beep, granted without asking; playback without a user gesture
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
]
const WAIT = { timeout: 10_000, interval: 50 }
const IMAGE_LIMIT = 100_000
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

let up: Awaited<ReturnType<typeof startUp>>
let browser: Browser
let context: BrowserContext
const pageErrors: string[] = []

async function newPage(): Promise<Page> {
  const page = await context.newPage()
  page.on('pageerror', (e) => pageErrors.push(e.message))
  return page
}

async function signIn(page: Page, name: string): Promise<string> {
  await page.bringToFront()
  await page.goto(up.url)
  await page.getByTestId('display-name').fill(name)
  await page.getByTestId('guest-signin').click()
  await page.locator('[data-testid="conn-state"][data-state="online"]').waitFor()
  return (await page.getByTestId('my-user-id').textContent())!
}

const list = (page: Page) => page.getByTestId('message-list').getByTestId('message')
const acked = (page: Page) => list(page).and(page.locator('[data-seq]'))

/** the SHA-256 of what the page gets from an element's URL attribute (as the browser downloads it) */
const downloaded = (page: Page, testid: string, attr: string) =>
  page
    .getByTestId(testid)
    .first()
    .evaluate(async (e, a) => {
      const bytes = await (await fetch(e.getAttribute(a)!)).arrayBuffer()
      const digest = await crypto.subtle.digest('SHA-256', bytes)
      return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
    }, attr)

describe.skipIf(!present && !required)('attachments on the web page in Chromium', () => {
  beforeAll(async () => {
    if (!present) throw new Error(`${CHROMIUM} is missing and GOCHAT_REQUIRE_INFRA=1 needs it`)
    up = await startUp([], { GOCHAT_UPLOAD_MAX_BYTES_IMAGE: String(IMAGE_LIMIT) }) // a small limit: a quick refusal
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS })
    context = await browser.newContext({ viewport: { width: 1100, height: 700 } })
    context.setDefaultTimeout(10_000)
  })

  beforeEach(({ onTestFailed }) =>
    onTestFailed(() => console.error(`gochat up output (last 4000 chars):\n${up?.output().slice(-4000)}`)),
  )

  afterAll(async () => {
    await browser?.close()
    await up?.stop()
  })

  it('a photo and a voice message reach the other user as a preview and a player, byte for byte', async () => {
    const alice = await newPage()
    const bob = await newPage()
    await signIn(alice, 'Alice')
    const bobId = await signIn(bob, 'Bob')
    await alice.bringToFront()
    await alice.locator('summary', { hasText: 'Chat by user id' }).click()
    await alice.getByTestId('peer-id').fill(bobId)
    await alice.getByTestId('start-direct').click()
    await alice.getByTestId('composer').waitFor()

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
    const photo = Buffer.from(
      await alice.evaluate(() => {
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

    // what Bob downloads is what Alice uploaded
    expect(await downloaded(bob, 'attachment-image', 'src')).toBe(sha(sent[0]!))
    expect(await downloaded(bob, 'attachment-audio', 'src')).toBe(sha(sent[1]!))
    expect(pageErrors).toEqual([])
  })

  it('shows why an attachment is refused (too large, not what its type says), and sends a dropped file', async () => {
    const page = await newPage()
    const peerId = await signIn(await newPage(), 'Peer')
    await signIn(page, 'Sender')
    await page.locator('summary', { hasText: 'Chat by user id' }).click()
    await page.getByTestId('peer-id').fill(peerId)
    await page.getByTestId('start-direct').click()
    await page.getByTestId('composer').waitFor()

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
