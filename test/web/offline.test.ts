import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { RestClient } from '../../src/client/rest.js'
import {
  browser,
  list,
  openDirect,
  pageErrors,
  present,
  required,
  seqs,
  setUpWebPage,
  signIn,
  texts,
  tokenOf,
  up,
} from '../helpers/web.js'

const WAIT = { timeout: 20_000, interval: 50 }

const contexts: BrowserContext[] = []

/** a page in a browser context of its own (its own network, to take offline) */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 700 } })
  context.setDefaultTimeout(10_000)
  contexts.push(context)
  const page = await context.newPage()
  page.on('pageerror', (e) => pageErrors.push(e.message))
  return page
}

const states = (page: Page) =>
  list(page).evaluateAll((els) =>
    els.map(
      (e) => `${e.querySelector('[data-testid="message-content"]')?.textContent}:${(e as HTMLElement).dataset.status}`,
    ),
  )

async function write(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer-input').fill(text)
  await page.getByTestId('composer-input').press('Enter')
}

describe.skipIf(!present && !required)('the web page offline in Chromium', () => {
  setUpWebPage({ viewport: null })

  it('messages written offline show pending (also after a reload), then are stored once each, in order, and reach the other user', async () => {
    const alice = await newPage()
    const bob = await newPage()
    let refused = false // while set, Alice's sockets are refused (closed at once, never reaching the server)
    await alice.routeWebSocket(/\/v1\/ws/, (ws) => {
      if (refused) return void ws.close({ code: 1011, reason: 'test: refused' })
      const server = ws.connectToServer()
      ws.onMessage((m) => server.send(m))
      server.onMessage((m) => ws.send(m))
    })
    await signIn(alice, 'Alice', false)
    const bobId = await signIn(bob, 'Bob', false)
    await openDirect(alice, bobId)
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

    // the network is back but the server cannot be reached; a reload shows them pending still (from IndexedDB)
    refused = true
    await alice.context().setOffline(false)
    await alice.reload()
    await alice.getByTestId('composer').waitFor()
    await expect
      .poll(() => states(alice), WAIT)
      .toEqual(['before:normal', 'one:pending', 'two:pending', 'three:pending'])

    // the server is reachable again: each is stored once, in order, and shown with its seq
    refused = false
    await alice.evaluate(() => dispatchEvent(new Event('online'))) // reconnect now, not after the backoff
    await alice.locator('[data-testid="conn-state"][data-state="online"]').waitFor({ timeout: 5_000 })
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
