// Message operations on the web page (issue 24) in a real browser: Debian's Chromium driven by playwright-core
// against `gochat up`, two guests in two tabs of one browser (as test/web/chat-page.test.ts). Edit, react, reply,
// mention by name with the autocomplete, pin (and in a group: @all and pins for admins only): each seen live on the
// other page, and after a reload (by sync: operation records are applied to their targets, never shown as messages
// of their own).
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { RestClient } from '../../src/client/rest.js'
import { startUp } from '../helpers/up.js'

const CHROMIUM = '/usr/bin/chromium'
const present = existsSync(CHROMIUM)
const required = process.env.GOCHAT_REQUIRE_INFRA === '1'
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking']
const WAIT = { timeout: 10_000, interval: 50 }

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
  await page.getByTestId('discoverable').setChecked(true)
  await page.getByTestId('guest-signin').click()
  await page.locator('[data-testid="conn-state"][data-state="online"]').waitFor()
  return (await page.getByTestId('my-user-id').textContent())!
}

const list = (page: Page) => page.getByTestId('message-list').getByTestId('message')
const texts = (page: Page) => list(page).getByTestId('message-content').allTextContents()
const seqs = (page: Page) => list(page).evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.seq)))
/** the shown message whose text is `text` */
const bubble = (page: Page, text: string) =>
  list(page).filter({ has: page.getByTestId('message-content').getByText(text, { exact: true }) })
const reactions = (page: Page, text: string) =>
  bubble(page, text)
    .getByTestId('reaction')
    .evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.emoji}${(e as HTMLElement).dataset.count}`))

async function say(page: Page, text: string): Promise<void> {
  await page.bringToFront()
  await page.getByTestId('composer-input').fill(text)
  await page.getByTestId('composer-input').press('Enter')
  await list(page).filter({ hasText: text }).and(page.locator('[data-seq]')).waitFor()
}

const tokenOf = (page: Page) =>
  page.evaluate(() => (JSON.parse(sessionStorage.getItem('gochat.session') ?? '{}') as { token: string }).token)
const options = (page: Page) => page.getByTestId('mention-option').allTextContents()

const tag = randomUUID()
  .replace(/[^a-f]/g, '')
  .slice(0, 4)
  .padEnd(4, 'q')

describe.skipIf(!present && !required)('message operations on the web page in Chromium', () => {
  beforeAll(async () => {
    if (!present)
      throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium) and GOCHAT_REQUIRE_INFRA=1 needs it`)
    up = await startUp()
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS })
    context = await browser.newContext({ viewport: { width: 1100, height: 800 } })
    context.setDefaultTimeout(10_000)
  })

  beforeEach(({ onTestFailed }) =>
    onTestFailed(() => console.error(`gochat up output (last 4000 chars):\n${up?.output().slice(-4000)}`)),
  )

  afterAll(async () => {
    await browser?.close()
    await up?.stop()
  })

  it('two people edit, react, reply, mention by name and pin, live and after a reload', async () => {
    const [alice, bob] = [await newPage(), await newPage()]
    const [aliceName, bobName] = [`Alice ${tag}`, `Bob ${tag}`]
    await signIn(alice, aliceName)
    const bobId = await signIn(bob, bobName)
    await alice.bringToFront()
    await alice
      .getByTestId('peer-id')
      .evaluate((e) => (e.closest('details') as HTMLDetailsElement).setAttribute('open', ''))
    await alice.getByTestId('peer-id').fill(bobId)
    await alice.getByTestId('start-direct').click()
    await alice.getByTestId('composer').waitFor()
    await say(alice, 'lunch at noon?')
    await expect.poll(() => bob.getByTestId('conversation').count(), WAIT).toBe(1)
    await bob.bringToFront()
    await bob.getByTestId('conversation').click()
    await expect.poll(() => texts(bob), WAIT).toEqual(['lunch at noon?'])
    // Bob may not edit Alice's message
    expect(await bubble(bob, 'lunch at noon?').getByTestId('edit').count()).toBe(0)

    // edit: Alice's composer takes the text; both pages show the new one, marked edited, and no bubble of the edit
    await alice.bringToFront()
    await bubble(alice, 'lunch at noon?').getByTestId('edit').click()
    expect(await alice.getByTestId('composer-input').inputValue()).toBe('lunch at noon?')
    expect(await alice.getByTestId('composer-mode').getAttribute('data-mode')).toBe('edit')
    await alice.getByTestId('composer-input').fill('lunch at one?')
    await alice.getByTestId('composer-input').press('Enter')
    for (const page of [alice, bob]) {
      await expect.poll(() => texts(page), WAIT).toEqual(['lunch at one?'])
      expect(await bubble(page, 'lunch at one?').getByTestId('edited').count()).toBe(1)
    }

    // reactions: Bob 👍, Alice 👍 (two, and who), Bob takes his back, then 🎉
    await bob.bringToFront()
    await bubble(bob, 'lunch at one?').getByTestId('react').click()
    await bob.getByTestId('emoji-picker').getByText('👍').click()
    for (const page of [alice, bob]) await expect.poll(() => reactions(page, 'lunch at one?'), WAIT).toEqual(['👍1'])
    await alice.bringToFront()
    await bubble(alice, 'lunch at one?').getByTestId('reaction').click()
    for (const page of [alice, bob]) await expect.poll(() => reactions(page, 'lunch at one?'), WAIT).toEqual(['👍2'])
    expect(await bubble(alice, 'lunch at one?').getByTestId('reaction').getAttribute('title')).toBe(`${bobName}, you`)
    await bob.bringToFront()
    await bubble(bob, 'lunch at one?').getByTestId('reaction').click()
    for (const page of [alice, bob]) await expect.poll(() => reactions(page, 'lunch at one?'), WAIT).toEqual(['👍1'])
    await bubble(bob, 'lunch at one?').getByTestId('react').click()
    await bob.getByTestId('emoji-picker').getByText('🎉').click()
    for (const page of [alice, bob])
      await expect.poll(() => reactions(page, 'lunch at one?'), WAIT).toEqual(['👍1', '🎉1'])

    // reply: Bob's answer quotes the original
    await bubble(bob, 'lunch at one?').getByTestId('reply').click()
    await expect
      .poll(() => bob.getByTestId('composer-mode-text').textContent(), WAIT)
      .toBe(`Replying to ${aliceName}: lunch at one?`)
    await say(bob, 'one works')
    for (const page of [alice, bob]) {
      await expect.poll(() => texts(page), WAIT).toEqual(['lunch at one?', 'one works'])
      await expect
        .poll(() => bubble(page, 'one works').getByTestId('reply-snippet').textContent(), WAIT)
        .toBe('lunch at one?')
    }
    expect(await bob.getByTestId('composer-mode').isHidden()).toBe(true)

    // mention: "@" and the start of Bob's name offers him; the pick writes his name, and Bob's page marks it
    await alice.bringToFront()
    await alice.getByTestId('composer-input').fill('')
    await alice.getByTestId('composer-input').pressSequentially('see you @Bo', { delay: 10 })
    const option = alice.getByTestId('mention-option')
    await expect.poll(() => option.allTextContents(), WAIT).toEqual([bobName])
    await option.click()
    expect(await alice.getByTestId('composer-input').inputValue()).toBe(`see you @${bobName} `)
    await alice.getByTestId('composer-input').pressSequentially('there', { delay: 10 })
    await alice.getByTestId('composer-input').press('Enter')
    const mention = `see you @${bobName} there`
    for (const page of [alice, bob]) {
      await expect.poll(() => texts(page), WAIT).toEqual(['lunch at one?', 'one works', mention])
      expect(await bubble(page, mention).getByTestId('mention').textContent()).toBe(`@${bobName}`)
    }
    expect(await bubble(bob, mention).getAttribute('data-mentions-me')).toBe('true')
    expect(await bubble(alice, mention).getAttribute('data-mentions-me')).toBe('false')

    // pin (anyone in a direct chat): Alice's pins panel follows Bob's pins live
    await alice.getByTestId('show-pins').click()
    await alice.getByTestId('no-pins').waitFor()
    await bob.bringToFront()
    await bubble(bob, 'lunch at one?').getByTestId('pin').click()
    const pinned = (page: Page) => page.getByTestId('pin-list').getByTestId('pinned-content').allTextContents()
    await expect.poll(() => pinned(alice), WAIT).toEqual(['lunch at one?'])
    for (const page of [alice, bob])
      await expect.poll(() => bubble(page, 'lunch at one?').getAttribute('data-pinned'), WAIT).toBe('true')
    await bubble(bob, 'one works').getByTestId('pin').click()
    await expect.poll(() => pinned(alice), WAIT).toEqual(['lunch at one?', 'one works'])
    await bubble(bob, 'one works').getByTestId('unpin').click()
    await expect.poll(() => pinned(alice), WAIT).toEqual(['lunch at one?'])

    // after a reload, by sync: the same state, and only the three messages as bubbles (the records hold seqs)
    for (const page of [alice, bob]) {
      await page.reload()
      await expect.poll(() => texts(page), WAIT).toEqual(['lunch at one?', 'one works', mention])
      expect((await seqs(page)).length).toBe(3)
      expect(Math.max(...(await seqs(page)))).toBeGreaterThan(3)
      expect(await reactions(page, 'lunch at one?')).toEqual(['👍1', '🎉1'])
      expect(await bubble(page, 'lunch at one?').getByTestId('edited').count()).toBe(1)
      expect(await bubble(page, 'lunch at one?').getAttribute('data-pinned')).toBe('true')
      expect(await bubble(page, 'one works').getAttribute('data-pinned')).toBe('false')
      expect(await bubble(page, 'one works').getByTestId('reply-snippet').textContent()).toBe('lunch at one?')
      expect(await bubble(page, mention).getByTestId('mention').textContent()).toBe(`@${bobName}`)
    }
    expect(await bubble(bob, mention).getAttribute('data-mentions-me')).toBe('true')

    // Alice recalls the original: Bob's reply shows it recalled, live and after a reload
    await alice.bringToFront()
    await list(alice).first().getByTestId('recall').click()
    const quote = (page: Page) => bubble(page, 'one works').getByTestId('reply-quote')
    await expect.poll(() => quote(bob).getAttribute('data-status'), WAIT).toBe('recalled')
    expect(await quote(bob).getByTestId('reply-snippet').textContent()).toBe('message recalled')
    await bob.reload()
    await expect.poll(() => quote(bob).getAttribute('data-status'), WAIT).toBe('recalled')
    expect(await quote(bob).getByTestId('reply-snippet').textContent()).toBe('message recalled')
    expect(pageErrors).toEqual([])
  })

  it('in a group: @all and pins for admins only; members react, and see both live and after a reload', async () => {
    const [carol, dave] = [await newPage(), await newPage()]
    const [carolName, daveName] = [`Carol ${tag}`, `Dave ${tag}`]
    await signIn(carol, carolName)
    const daveId = await signIn(dave, daveName)
    const { conversationId } = await new RestClient(up.url, await tokenOf(carol)).createGroup('Lunch club', [daveId])
    await new RestClient(up.url, await tokenOf(dave)).acceptInvitation(conversationId)
    // made by REST, not by these pages: a reload lists it
    for (const page of [carol, dave]) {
      await page.bringToFront()
      await page.reload()
      await expect.poll(() => page.getByTestId('conversation').count(), WAIT).toBe(1)
      await page.getByTestId('conversation').click()
      await page.getByTestId('composer').waitFor()
    }

    // "@" lists the other members by name; the admin also gets "all", the member does not
    await carol.bringToFront()
    await carol.getByTestId('composer-input').pressSequentially('@', { delay: 10 })
    await expect.poll(() => options(carol), WAIT).toEqual([daveName, 'all'])
    await dave.bringToFront()
    await dave.getByTestId('composer-input').pressSequentially('@', { delay: 10 })
    await expect.poll(() => options(dave), WAIT).toEqual([carolName])
    await dave.getByTestId('composer-input').press('Escape')
    await dave.getByTestId('composer-input').fill('')

    // Carol picks @all with the keyboard: Dave's page marks the message as mentioning him
    await carol.bringToFront()
    await carol.getByTestId('composer-input').press('ArrowDown')
    await carol.getByTestId('composer-input').press('Enter')
    await carol.getByTestId('composer-input').pressSequentially('standup in 5', { delay: 10 })
    await carol.getByTestId('composer-input').press('Enter')
    const text = '@all standup in 5'
    await expect.poll(() => texts(dave), WAIT).toEqual([text])
    expect(await bubble(dave, text).getByTestId('mention').textContent()).toBe('@all')
    expect(await bubble(dave, text).getAttribute('data-mentions-me')).toBe('true')

    // only the admin may pin; the member sees the pin and the pins list, and reacts
    expect(await bubble(dave, text).getByTestId('pin').count()).toBe(0)
    await carol.bringToFront()
    await bubble(carol, text).getByTestId('pin').click()
    await expect.poll(() => bubble(dave, text).getAttribute('data-pinned'), WAIT).toBe('true')
    await dave.bringToFront()
    await dave.getByTestId('show-pins').click()
    await expect.poll(() => dave.getByTestId('pinned-content').allTextContents(), WAIT).toEqual([text])
    expect(await dave.getByTestId('pins-unpin').count()).toBe(0)
    await bubble(dave, text).getByTestId('react').click()
    await dave.getByTestId('emoji-picker').getByText('❤️').click()
    await expect.poll(() => reactions(carol, text), WAIT).toEqual(['❤️1'])
    expect(await bubble(carol, text).getByTestId('reaction').getAttribute('title')).toBe(daveName)

    await dave.reload()
    await expect.poll(() => texts(dave), WAIT).toEqual([text])
    expect(await bubble(dave, text).getAttribute('data-mentions-me')).toBe('true')
    expect(await bubble(dave, text).getAttribute('data-pinned')).toBe('true')
    expect(await reactions(dave, text)).toEqual(['❤️1'])
    expect(pageErrors).toEqual([])
  })
})
