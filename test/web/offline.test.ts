// The page offline, in Chromium against `gochat up`: what the user writes while the browser has no network waits in
// the client library's outbox (IndexedDB), shown pending; back online, each message is stored once, in order, and
// the other user (a browser of their own, online all along) sees them all.
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { RestClient } from '../../src/client/rest.js'
import { startUp } from '../helpers/up.js'

const CHROMIUM = '/usr/bin/chromium'
const present = existsSync(CHROMIUM)
const required = process.env.GOCHAT_REQUIRE_INFRA === '1'
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync']
const WAIT = { timeout: 20_000, interval: 50 }

let up: Awaited<ReturnType<typeof startUp>>
let browser: Browser
const contexts: BrowserContext[] = []
const pageErrors: string[] = []

/** a page in a browser context of its own (its own network, to take offline) */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 700 } })
  context.setDefaultTimeout(10_000)
  contexts.push(context)
  const page = await context.newPage()
  page.on('pageerror', (e) => pageErrors.push(e.message))
  return page
}

async function signIn(page: Page, name: string): Promise<string> {
  await page.goto(up.url)
  await page.getByTestId('display-name').fill(name)
  await page.getByTestId('guest-signin').click()
  await page.locator('[data-testid="conn-state"][data-state="online"]').waitFor()
  return (await page.getByTestId('my-user-id').textContent())!
}

const list = (page: Page) => page.getByTestId('message-list').getByTestId('message')
const texts = (page: Page) => list(page).getByTestId('message-content').allTextContents()
const states = (page: Page) =>
  list(page).evaluateAll((els) =>
    els.map(
      (e) => `${e.querySelector('[data-testid="message-content"]')?.textContent}:${(e as HTMLElement).dataset.status}`,
    ),
  )
const seqs = (page: Page) => list(page).evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.seq)))
const tokenOf = (page: Page) =>
  page.evaluate(() => (JSON.parse(sessionStorage.getItem('gochat.session') ?? '{}') as { token: string }).token)

async function write(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer-input').fill(text)
  await page.getByTestId('composer-input').press('Enter')
}

describe.skipIf(!present && !required)('the web page offline in Chromium', () => {
  beforeAll(async () => {
    if (!present) throw new Error(`${CHROMIUM} is missing and GOCHAT_REQUIRE_INFRA=1 needs it`)
    up = await startUp()
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS })
  })

  beforeEach(({ onTestFailed }) =>
    onTestFailed(() => console.error(`gochat up output (last 4000 chars):\n${up?.output().slice(-4000)}`)),
  )

  afterAll(async () => {
    await browser?.close()
    await up?.stop()
  })

  it('messages written offline show pending, then are stored once each, in order, and reach the other user', async () => {
    const alice = await newPage()
    const bob = await newPage()
    await signIn(alice, 'Alice')
    const bobId = await signIn(bob, 'Bob')
    await alice.locator('summary', { hasText: 'Chat by user id' }).click()
    await alice.getByTestId('peer-id').fill(bobId)
    await alice.getByTestId('start-direct').click()
    await alice.getByTestId('composer').waitFor()
    await write(alice, 'before')
    await list(alice).and(alice.locator('[data-seq="1"]')).waitFor()

    // the network goes away: the page says so, and what Alice writes waits, shown pending
    await alice.context().setOffline(true)
    await alice.locator('[data-testid="conn-state"][data-state="offline"]').waitFor({ timeout: 5_000 }) // the browser's `offline`
    await alice.getByTestId('offline-banner').waitFor()
    for (const text of ['one', 'two', 'three']) await write(alice, text)
    await expect
      .poll(() => states(alice), WAIT)
      .toEqual(['before:normal', 'one:pending', 'two:pending', 'three:pending'])
    // kept in the library's IndexedDB outbox, not in the page's memory only
    const kept = await alice.evaluate(async () => {
      const userId = (JSON.parse(sessionStorage.getItem('gochat.session') ?? '{}') as { userId: string }).userId
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(`gochat-outbox-${userId}`)
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
      const all = await new Promise<Array<{ content: string; state: string }>>((resolve) => {
        const r = db.transaction('entries').objectStore('entries').getAll()
        r.onsuccess = () => resolve(r.result)
      })
      db.close()
      return all.map((e) => `${e.content}:${e.state}`).sort()
    })
    expect(kept).toEqual(['one:pending', 'three:pending', 'two:pending'])

    // back online: each is stored once, in order, and shown with its seq
    await alice.context().setOffline(false)
    await alice.locator('[data-testid="conn-state"][data-state="online"]').waitFor({ timeout: 5_000 }) // its `online`
    await expect.poll(() => seqs(alice), WAIT).toEqual([1, 2, 3, 4])
    expect(await texts(alice)).toEqual(['before', 'one', 'two', 'three'])
    const history = await new RestClient(up.url, await tokenOf(alice)).history(
      (await alice.getByTestId('chat-id').textContent())!,
      0,
      50,
    )
    expect(history.messages.map((m) => [m.seq, m.content])).toEqual([
      [1, 'before'],
      [2, 'one'],
      [3, 'two'],
      [4, 'three'],
    ])
    expect(history.hasMore).toBe(false)

    // Bob, online all along, sees all of them
    await bob.getByTestId('conversation').first().click()
    await expect.poll(() => texts(bob), WAIT).toEqual(['before', 'one', 'two', 'three'])
    expect(await seqs(bob)).toEqual([1, 2, 3, 4])
    expect(pageErrors).toEqual([])
  })
})
