// History search on the web page in a real browser: Debian's Chromium driven by playwright-core against `gochat up`
// (as test/web/chat-page.test.ts). A search lists its hits with the words marked, never a message of a conversation
// the user is not in; a hit opens its conversation, loads the older history it is in, scrolls to it and
// highlights it.
import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { RestClient } from '../../src/client/rest.js'
import { WAIT, browser, pageErrors, present, required, setUpWebPage, up } from '../helpers/web.js'

const uniq = () => randomUUID().slice(0, 8)

describe.skipIf(!present && !required)('history search on the web page in Chromium', () => {
  setUpWebPage({ viewport: null })

  it('lists hits with the words marked and jumps to an old one: opened, older history loaded, scrolled to, highlighted', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 700 } })
    context.setDefaultTimeout(10_000)
    const page: Page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(up.url)
    await page.getByTestId('display-name').fill('Alice')
    await page.getByTestId('guest-signin').click()
    await page.locator('[data-testid="conn-state"][data-state="online"]').waitFor()
    const aliceId = (await page.getByTestId('my-user-id').textContent())!

    // Bob writes to Alice: the word she looks for first, then more than a page of history after it
    const bob = new RestClient(up.url)
    await bob.register(`b${uniq()}`, 'correct horse battery', 'Bob')
    const carol = new RestClient(up.url)
    const carolSession = await carol.register(`c${uniq()}`, 'correct horse battery', 'Carol')
    const { conversationId } = await bob.direct(aliceId)
    const hit = await bob.send(conversationId, '来週は東京で会いましょう', uniq())
    for (let i = 0; i < 120; i++) await bob.send(conversationId, `filler ${i}`, uniq())
    // a conversation Alice is not in holds the same word
    const { conversationId: other } = await bob.direct(carolSession.userId)
    await bob.send(other, '東京 is Bob and Carol’s secret', uniq())

    await expect.poll(() => page.getByTestId('conversation').count(), WAIT).toBe(1)
    await page.getByTestId('message-search').fill('東京')
    await page.getByTestId('message-search').press('Enter')
    await expect.poll(() => page.getByTestId('search-hit').count(), WAIT).toBe(1)
    expect(await page.getByTestId('search-snippet').textContent()).toBe('来週は東京で会いましょう')
    expect(await page.getByTestId('search-snippet').locator('mark').allTextContents()).toEqual(['東京'])

    // the hit is older than the page the conversation opens with (50): jumping loads older history to reach it
    await page.getByTestId('search-hit').click()
    const found = page.locator(`[data-testid="message"][data-message-id="${hit.messageId}"]`)
    await found.waitFor()
    expect(await found.getAttribute('data-found')).toBe('true')
    expect(await found.getAttribute('data-seq')).toBe('1')
    // scrolled to: the message is inside the list's visible box
    await expect
      .poll(
        () =>
          found.evaluate((e) => {
            const list = e.closest('[data-testid="message-list"]')!.getBoundingClientRect()
            const box = e.getBoundingClientRect()
            return box.top >= list.top && box.bottom <= list.bottom
          }),
        WAIT,
      )
      .toBe(true)
    // a search with no hit says so; operators are words
    await page.getByTestId('message-search').fill('"東京" OR NEAR(')
    await page.getByTestId('message-search').press('Enter')
    await page.getByTestId('no-hits').waitFor()
    expect(pageErrors).toEqual([])
    await context.close()
  })
})
