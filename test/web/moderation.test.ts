import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { RestClient } from '../../src/client/rest.js'
import {
  WAIT,
  bubble,
  newPage,
  pageErrors,
  present,
  required,
  setUpWebPage,
  signIn,
  tag,
  tokenOf,
  up,
} from '../helpers/web.js'

const statusOf = (page: Page, text: string) => bubble(page, text).getAttribute('data-status')

async function type(page: Page, text: string): Promise<void> {
  await page.bringToFront()
  await page.getByTestId('composer-input').fill(text)
  await page.getByTestId('composer-input').press('Enter')
}

/** a reload shows what was made over REST (no event tells the page of its own direct conversation or group) */
const reload = async (page: Page) => {
  await page.reload()
  await page.locator('[data-testid="conn-state"][data-state="online"]').waitFor()
}
const open = async (page: Page, title: string) => {
  await page.bringToFront()
  await page.getByTestId('conversation').filter({ hasText: title }).click()
  await page.getByTestId('composer').waitFor()
}

describe.skipIf(!present && !required)('moderation on the web page in Chromium', () => {
  setUpWebPage({ viewport: { width: 1100, height: 800 } })

  it("block → the other's send shows refused; unblock → it goes through; mute stays after a reload", async () => {
    const [alice, bob] = [await newPage(), await newPage()]
    const [aliceName, bobName] = [`Alice ${tag}`, `Bob ${tag}`]
    await signIn(alice, aliceName, false)
    const bobId = await signIn(bob, bobName, false)
    const { conversationId } = await new RestClient(up.url, await tokenOf(alice)).direct(bobId)
    for (const page of [alice, bob]) await reload(page)
    await expect.poll(() => alice.getByTestId('conversation').count(), WAIT).toBe(1)
    await open(alice, bobName)
    await expect.poll(() => bob.getByTestId('conversation').count(), WAIT).toBe(1)
    await open(bob, aliceName)

    // Alice blocks Bob from the conversation's header
    await alice.bringToFront()
    expect(await alice.getByTestId('toggle-block').textContent()).toBe('Block')
    await alice.getByTestId('toggle-block').click()
    await expect.poll(() => alice.getByTestId('toggle-block').getAttribute('data-blocked'), WAIT).toBe('true')
    expect(await alice.getByTestId('toggle-block').textContent()).toBe('Unblock')

    // Bob's message is refused, in words
    await type(bob, 'are you there?')
    await expect.poll(() => statusOf(bob, 'are you there?'), WAIT).toBe('failed')
    expect(await bubble(bob, 'are you there?').getByTestId('message-meta').textContent()).toContain(
      'one of you blocked the other',
    )

    // unblocked, Bob's retry goes through and Alice sees it
    await alice.bringToFront()
    await alice.getByTestId('toggle-block').click()
    await expect.poll(() => alice.getByTestId('toggle-block').getAttribute('data-blocked'), WAIT).toBe('false')
    await bob.bringToFront()
    await bubble(bob, 'are you there?').getByTestId('retry').click()
    await expect.poll(() => bubble(alice, 'are you there?').count(), WAIT).toBe(1)

    // Bob mutes the conversation: marked in the list, and still after a reload (the server keeps it)
    await bob.getByTestId('toggle-mute').click()
    await expect.poll(() => bob.getByTestId('toggle-mute').getAttribute('data-muted'), WAIT).toBe('true')
    const item = bob.getByTestId('conversation').filter({ hasText: aliceName })
    expect(await item.getAttribute('data-muted')).toBe('true')
    await reload(bob)
    await expect
      .poll(() => bob.getByTestId('conversation').filter({ hasText: aliceName }).getAttribute('data-muted'), WAIT)
      .toBe('true')
    expect(conversationId).toMatch(/^d_/)
    expect(pageErrors).toEqual([])
  })

  it('blocks someone found in the people search, who then is not found any more', async () => {
    const [cara, dave] = [await newPage(), await newPage()]
    await signIn(cara, `Cara ${tag}`, true)
    await signIn(dave, `Dave ${tag}`, true)
    const found = () =>
      cara
        .getByTestId('people-results')
        .getByTestId('person')
        .filter({ hasText: `Dave ${tag}` })
    await cara.bringToFront()
    await cara.getByTestId('people-search').fill(`Dave ${tag}`)
    await expect.poll(() => found().count(), WAIT).toBe(1)
    await found().getByTestId('person-block').click()
    await cara.getByTestId('people-search').fill(`Dave ${tag}`)
    await expect.poll(() => cara.getByTestId('no-people').count(), WAIT).toBe(1)
    expect(await found().count()).toBe(0)
    expect(pageErrors).toEqual([])
  })

  it('a group admin mutes a member from the group panel (their send is refused) and bans them', async () => {
    const [alice, bob] = [await newPage(), await newPage()]
    const [aliceName, bobName] = [`Ann ${tag}`, `Ben ${tag}`]
    await signIn(alice, aliceName, false)
    const bobId = await signIn(bob, bobName, false)
    const rest = new RestClient(up.url, await tokenOf(alice))
    await rest.direct(bobId) // contacts: Bob is added, not invited
    await rest.createGroup(`Club ${tag}`, [bobId])
    for (const page of [alice, bob]) await reload(page)
    await expect.poll(() => alice.getByTestId('conversation').filter({ hasText: 'Club' }).count(), WAIT).toBe(1)
    await open(alice, `Club ${tag}`)
    await expect.poll(() => bob.getByTestId('conversation').filter({ hasText: 'Club' }).count(), WAIT).toBe(1)
    await open(bob, `Club ${tag}`)

    await alice.bringToFront()
    await alice.getByTestId('show-group').click()
    const members = alice.getByTestId('member-list').getByTestId('member')
    await expect.poll(() => members.count(), WAIT).toBe(2)
    // no moderation buttons on an admin (herself)
    expect(await members.filter({ hasText: aliceName }).getByTestId('mute-member').count()).toBe(0)
    await members.filter({ hasText: bobName }).getByTestId('mute-member').click()

    await expect
      .poll(async () => {
        await type(bob, `hello ${Date.now()}`)
        return bob.locator('[data-testid="message"][data-status="failed"]').count()
      }, WAIT)
      .toBeGreaterThan(0)
    expect(await bob.locator('[data-status="failed"]').first().getByTestId('message-meta').textContent()).toContain(
      'A group admin muted you',
    )

    await alice.bringToFront()
    await members.filter({ hasText: bobName }).getByTestId('ban-member').click()
    await expect.poll(() => members.count(), WAIT).toBe(1)
    expect(pageErrors).toEqual([])
  })
})
