import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { RestClient } from '../../src/client/rest.js'
import {
  WAIT,
  bubble,
  list,
  newPage,
  openDirect,
  pageErrors,
  present,
  required,
  say,
  seqs,
  setUpWebPage,
  signIn,
  tag,
  texts,
  tokenOf,
  up,
} from '../helpers/web.js'

const reactions = (page: Page, text: string) =>
  bubble(page, text)
    .getByTestId('reaction')
    .evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.emoji}${(e as HTMLElement).dataset.count}`))

const options = (page: Page) => page.getByTestId('mention-option').allTextContents()

describe.skipIf(!present && !required)('message operations on the web page in Chromium', () => {
  setUpWebPage({ viewport: { width: 1100, height: 800 } })

  it('two people edit, react, reply, mention by name and pin, live and after a reload', async () => {
    const [alice, bob] = [await newPage(), await newPage()]
    const [aliceName, bobName] = [`Alice ${tag}`, `Bob ${tag}`]
    await signIn(alice, aliceName)
    const bobId = await signIn(bob, bobName)
    await openDirect(alice, bobId)
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
