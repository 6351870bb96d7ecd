import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { GochatClient } from '../../src/client/node.js'
import type { Delivery } from '../../src/client/index.js'
import { RestClient } from '../../src/client/rest.js'
import { waitUntil } from '../helpers/until.js'
import { browser, present, required, setUpWebPage, up } from '../helpers/web.js'

declare global {
  interface Window {
    // biome-ignore lint/suspicious/noExplicitAny: the bundle's module, loaded in the page
    gochat: any
    // biome-ignore lint/suspicious/noExplicitAny: the bundle's class
    GochatClient: any
    outboxStates: string[]
  }
}

/** a page of the gateway's origin with the library loaded from /client.js, signed in as a guest */
async function pageWithClient(): Promise<{ page: Page; userId: string }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${up.url}/health/live`) // any page of the origin: nothing of the chat page runs
  // what a page does: a module script that imports the served file
  await page.addScriptTag({
    type: 'module',
    content: "import { GochatClient } from '/client.js'; window.GochatClient = GochatClient",
  })
  await page.waitForFunction(() => window.GochatClient !== undefined)
  const userId = await page.evaluate(async () => {
    const GochatClient = window.GochatClient
    // quick to notice a dead network and to come back (the defaults are for people, not tests)
    const c = new GochatClient({ pingMs: 500, silenceMs: 1500, backoff: { baseMs: 100, capMs: 1000 } })
    window.gochat = c
    window.outboxStates = []
    c.on('outbox', (e: { content: string; state: string }) => window.outboxStates.push(`${e.content}:${e.state}`))
    const s = await c.signInAsGuest('browser')
    return s.userId as string
  })
  expect(errors).toEqual([])
  return { page, userId }
}

describe.skipIf(!present && !required)('gochat/client in Chromium (the served /client.js)', () => {
  setUpWebPage({ viewport: null })

  it('loads, signs in, sends; offline sends wait in IndexedDB and arrive once each, in order, at the other user', async () => {
    const { page, userId } = await pageWithClient()
    const peer = new GochatClient({ url: up.url })
    const got: Delivery[] = []
    peer.on('message', (d) => got.push(d))
    await peer.signInAsGuest('peer')
    const { conversationId } = await new RestClient(up.url, peer.session!.token).direct(userId)
    await peer.connect()
    try {
      const first = await page.evaluate(async (id) => {
        await window.gochat.connect()
        const h = await window.gochat.send(id, 'hello from the browser')
        return (await h.sent).seq as number
      }, conversationId)
      expect(first).toBe(1)

      await page.context().setOffline(true)
      await page.waitForFunction(() => window.gochat.state !== 'online')
      await page.evaluate(async (id) => {
        for (const text of ['one', 'two', 'three']) await window.gochat.send(id, text)
      }, conversationId)
      // kept in IndexedDB while offline
      const kept = await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open(`gochat-outbox-${window.gochat.userId}`)
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

      await page.context().setOffline(false)
      await page.waitForFunction(() => window.gochat.outbox().length === 0, undefined, { timeout: 20_000 })
      const history = await new RestClient(up.url, peer.session!.token).history(conversationId, 0, 50)
      expect(history.messages.map((m) => m.content)).toEqual(['hello from the browser', 'one', 'two', 'three'])
      await waitUntil(() => got.length >= 4, 10_000)
      expect(got.map((d) => d.message.content)).toEqual(['hello from the browser', 'one', 'two', 'three'])
      const states = await page.evaluate(() => window.outboxStates)
      expect(states.filter((s) => s.endsWith(':sent'))).toEqual([
        'hello from the browser:sent',
        'one:sent',
        'two:sent',
        'three:sent',
      ])
    } finally {
      peer.close()
      await page.context().close()
    }
  })
})
