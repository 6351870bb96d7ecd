// The web page (web/) in a real browser for the suites of test/web/: Debian's Chromium driven by playwright-core
// against `gochat up` (setUpWebPage), and the steps a person takes on the page (sign in, open a direct chat, send).
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { startUp } from './up.js'

export const CHROMIUM = '/usr/bin/chromium'
export const present = existsSync(CHROMIUM)
export const required = process.env.GOCHAT_REQUIRE_INFRA === '1'
export const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
export const WAIT = { timeout: 10_000, interval: 50 }
export const MISSING = `${CHROMIUM} is missing (apt-get install -y chromium) and GOCHAT_REQUIRE_INFRA=1 needs it`

export let up: Awaited<ReturnType<typeof startUp>>
export let browser: Browser
export let context: BrowserContext
export const dialogs: string[] = []
export const pageErrors: string[] = []

export async function newPage(): Promise<Page> {
  const page = await context.newPage()
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  page.on('pageerror', (e) => pageErrors.push(e.message))
  return page
}

// Tabs of one window: Chromium throttles animation frames in the ones behind, and Playwright's clicks wait for
// frames, so every action brings its tab to the front first (sockets and rendering go on in the others).

/** Signs the page in as a guest (who lets anyone find them by name, unless told) and returns its user id, as the
 *  page shows it. */
export async function signIn(page: Page, name: string, discoverable = true, url = up.url): Promise<string> {
  await page.bringToFront()
  await page.goto(url)
  await page.getByTestId('display-name').fill(name)
  await page.getByTestId('discoverable').setChecked(discoverable)
  await page.getByTestId('guest-signin').click()
  await page.locator('[data-testid="conn-state"][data-state="online"]').waitFor()
  return (await page.getByTestId('my-user-id').textContent())!
}

export const list = (page: Page) => page.getByTestId('message-list').getByTestId('message')
export const texts = (page: Page) => list(page).getByTestId('message-content').allTextContents()
/** the shown message whose text is `text` */
export const bubble = (page: Page, text: string) =>
  list(page).filter({ has: page.getByTestId('message-content').getByText(text, { exact: true }) })
export const seqs = (page: Page) =>
  list(page).evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.seq)))

/** Types a message, sends it with Enter, and waits until the server acknowledged it (it shows a seq). */
export async function say(page: Page, text: string): Promise<void> {
  await page.bringToFront()
  await page.getByTestId('composer-input').fill(text)
  await page.getByTestId('composer-input').press('Enter')
  await list(page).filter({ hasText: text }).and(page.locator('[data-seq]')).waitFor()
}

export async function startDirect(page: Page, peerId: string): Promise<void> {
  await page.bringToFront()
  if (!(await page.getByTestId('peer-id').isVisible()))
    await page.locator('summary', { hasText: 'Chat by user id' }).click()
  await page.getByTestId('peer-id').fill(peerId)
  await page.getByTestId('start-direct').click()
}

/** Opens a direct conversation with someone by their user id and waits for its composer. */
export async function openDirect(page: Page, peerId: string): Promise<void> {
  await startDirect(page, peerId)
  await page.getByTestId('composer').waitFor()
}

/** Finds someone by the start of their name in the "Find people" box and starts a chat with them. */
export async function chatWith(page: Page, name: string): Promise<void> {
  await page.bringToFront()
  await page.getByTestId('people-search').fill(name)
  await page
    .getByTestId('people-results')
    .getByTestId('person')
    .filter({ hasText: name })
    .getByTestId('person-chat')
    .click()
  await page.getByTestId('composer').waitFor()
}

export const shot = async (page: Page, name: string) => {
  mkdirSync('test-artifacts', { recursive: true })
  await page.screenshot({ path: `test-artifacts/${name}.png` })
}
export const tokenOf = (page: Page) =>
  page.evaluate(() => (JSON.parse(sessionStorage.getItem('gochat.session') ?? '{}') as { token: string }).token)
/** a few letters of its own per run: searches find this run's users only */
export const tag = randomUUID()
  .replace(/[^a-f]/g, '')
  .slice(0, 4)
  .padEnd(4, 'q')

export async function openOnly(page: Page): Promise<void> {
  await page.bringToFront()
  await page.getByTestId('conversation').first().click()
  await page.getByTestId('composer').waitFor()
}

export interface WebPageOptions {
  /** arguments and environment of `gochat up` */
  upArgs?: string[]
  upEnv?: Record<string, string | undefined>
  /** Chromium's command line beyond ARGS */
  extraArgs?: string[]
  /** the window of the shared context newPage() opens tabs in; null: no shared context (the suite makes its own) */
  viewport?: { width: number; height: number } | null
}

/** starts `gochat up` and Chromium (by default one context, a desktop window) before the tests of the calling
 *  describe; stops them after */
export function setUpWebPage(opts: WebPageOptions = {}): void {
  beforeAll(async () => {
    if (!present) throw new Error(MISSING)
    up = await startUp(opts.upArgs, opts.upEnv)
    // playwright starts Chromium with a new, empty profile (its own temporary --user-data-dir) every launch
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [...ARGS, ...(opts.extraArgs ?? [])],
    })
    if (opts.viewport === null) return
    context = await browser.newContext({ viewport: opts.viewport ?? { width: 1100, height: 700 } })
    context.setDefaultTimeout(10_000)
  })

  // on a failure, what the server said: the page only shows its side
  beforeEach(({ onTestFailed }) =>
    onTestFailed(() => console.error(`gochat up output (last 4000 chars):\n${up?.output().slice(-4000)}`)),
  )

  afterAll(async () => {
    await browser?.close()
    await up?.stop()
  })
}
