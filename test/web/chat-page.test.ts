// The web page (web/) in a real browser: Debian's Chromium driven by playwright-core against `gochat up`.
// Two tabs of one browser are two guests (the token lives in sessionStorage, which is per tab); the phone-width
// test has a context of its own. Screenshots of the main states go to test-artifacts/ (ignored by git).
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page, WebSocketRoute } from 'playwright-core'
import { RestClient } from '../../src/client/rest.js'
import { present, required, WAIT, up, browser, dialogs, pageErrors } from '../helpers/web.js'
import { newPage, signIn, list, texts, seqs, say, startDirect, chatWith, shot, tokenOf, tag } from '../helpers/web.js'
import { openOnly, setUpWebPage } from '../helpers/web.js'

describe.skipIf(!present && !required)('the web chat page in Chromium', () => {
  setUpWebPage()

  it('two guests chat both ways in order, one recalls, a reload brings the history back', async () => {
    const alice = await newPage()
    const bob = await newPage()
    await signIn(alice, 'Alice')
    const bobId = await signIn(bob, 'Bob')

    await startDirect(alice, bobId)
    await alice.getByTestId('composer').waitFor()
    await say(alice, 'hello Bob')

    // Bob did not start the conversation: it appears with one unread message
    const bobConv = bob.getByTestId('conversation')
    await expect.poll(() => bobConv.getAttribute('data-unread'), WAIT).toBe('1')
    await openOnly(bob)
    await expect.poll(() => texts(bob), WAIT).toEqual(['hello Bob'])
    await expect.poll(() => bobConv.getAttribute('data-unread'), WAIT).toBe('0')

    await say(bob, 'hi Alice, a long one: ' + 'wrap '.repeat(60).trim())
    await say(alice, 'how are you?')
    await say(bob, 'fine, thanks')
    const all = ['hello Bob', 'hi Alice, a long one: ' + 'wrap '.repeat(60).trim(), 'how are you?', 'fine, thanks']
    for (const page of [alice, bob]) {
      await expect.poll(() => texts(page), WAIT).toEqual(all)
      expect(await seqs(page)).toEqual([1, 2, 3, 4])
    }

    // Alice recalls her first message: both pages show it recalled
    await alice.bringToFront()
    await list(alice).first().getByTestId('recall').click()
    for (const page of [alice, bob]) {
      await expect.poll(() => list(page).first().getAttribute('data-status'), WAIT).toBe('recalled')
      expect(await list(page).first().getByTestId('message-content').textContent()).toBe('message recalled')
    }
    expect(await list(bob).first().getByTestId('recall').count()).toBe(0)

    // a reload keeps the session (sessionStorage) and the open conversation; history comes back by sync, in order
    await bob.reload()
    await expect.poll(() => texts(bob), WAIT).toEqual(['message recalled', ...all.slice(1)])
    expect(await seqs(bob)).toEqual([1, 2, 3, 4])
    expect(await bob.getByTestId('my-user-id').textContent()).toBe(bobId)

    mkdirSync('test-artifacts', { recursive: true })
    await alice.screenshot({ path: 'test-artifacts/chat.png' })
    expect(pageErrors).toEqual([])
  })

  it('shows markup in a message as literal text', async () => {
    const evil = '<img src=x onerror=alert(1)>'
    const [sender, reader] = [await newPage(), await newPage()]
    await signIn(sender, '<b>Mallory</b>')
    const readerId = await signIn(reader, 'Reader')
    // REST errors are shown in words
    await startDirect(sender, 'no-such-user')
    await expect
      .poll(() => sender.getByTestId('error-text').textContent(), WAIT)
      .toBe('That does not exist (or you cannot see it). (no such user: no-such-user)')
    await startDirect(sender, readerId)
    await sender.getByTestId('composer').waitFor()
    await say(sender, evil)
    await expect.poll(() => reader.getByTestId('conversation').count(), WAIT).toBe(1)
    await openOnly(reader)
    for (const page of [sender, reader]) {
      await expect.poll(() => texts(page), WAIT).toEqual([evil])
      expect(await page.getByTestId('message-list').locator('img').count()).toBe(0)
    }
    expect(await sender.getByTestId('my-name').textContent()).toBe('<b>Mallory</b>')
    await reader.waitForTimeout(200) // an onerror handler would have run by now
    expect(dialogs).toEqual([])

    // a message over the gateway's 64 KiB limit is refused: marked not sent, and the reason is shown
    await sender.bringToFront()
    await sender
      .getByTestId('composer-input')
      .evaluate((e, v) => ((e as HTMLTextAreaElement).value = v), 'x'.repeat(70_000))
    await sender.getByTestId('send').click()
    const failed = list(sender).and(sender.locator('[data-status="failed"]'))
    await failed.waitFor()
    expect(await failed.getByTestId('message-meta').textContent()).toContain(
      'not sent: That is too large for the server.',
    )
    expect(await sender.getByTestId('error-text').textContent()).toMatch(/^That is too large for the server\./)
  })

  it('pages older history in on scroll, and after a lost connection syncs what it missed', async () => {
    const page = await newPage()
    const sockets: Array<{ page: WebSocketRoute; server: WebSocketRoute }> = []
    let dropPushes = false
    let dropped = 0
    let hold: string[] | undefined // frames to the page held back while set
    await page.routeWebSocket(/\/v1\/ws/, (ws) => {
      const server = ws.connectToServer()
      ws.onMessage((m) => server.send(m))
      server.onMessage((m) => {
        if (dropPushes && String(m).includes('"op":"message"')) dropped++
        else if (hold) hold.push(String(m))
        else ws.send(m)
      })
      sockets.push({ page: ws, server })
    })
    const me = await signIn(page, 'Reader')

    // 55 messages from someone else, sent before the page opens the conversation: the newest 50 come first
    const peer = new RestClient(up.url)
    await peer.guest('Writer')
    const { conversationId } = await peer.direct(me)
    for (let i = 1; i <= 55; i++) await peer.send(conversationId, `m${i}`, `k${i}`)
    await expect.poll(() => page.getByTestId('conversation').getAttribute('data-unread'), WAIT).toBe('55')
    await openOnly(page)
    await expect.poll(() => seqs(page), WAIT).toEqual(Array.from({ length: 50 }, (_, i) => i + 6))
    await page.getByTestId('message-list').evaluate((e) => e.scrollTo(0, 0))
    await expect.poll(() => seqs(page), WAIT).toEqual(Array.from({ length: 55 }, (_, i) => i + 1))

    // the push of m56 never reaches the page, then the connection drops: the page reconnects and syncs
    dropPushes = true
    await peer.send(conversationId, 'm56', 'k56')
    await expect.poll(() => dropped, WAIT).toBe(1)
    dropPushes = false
    const first = sockets.at(-1)!
    await first.page.close({ code: 1012, reason: 'test: connection lost' })
    await first.server.close()
    await page.locator('[data-testid="conn-state"][data-state="offline"]').waitFor()
    expect(await page.getByTestId('offline-banner').isVisible()).toBe(true) // a visible banner while disconnected
    await page.locator('[data-testid="conn-state"][data-state="online"]').waitFor()
    await page.getByTestId('offline-banner').waitFor({ state: 'hidden' })
    expect(sockets.length).toBe(2)
    await expect.poll(() => texts(page).then((t) => t.slice(-2)), WAIT).toEqual(['m55', 'm56'])
    expect(await seqs(page)).toEqual(Array.from({ length: 56 }, (_, i) => i + 1))
    await expect.poll(() => page.getByTestId('conversation').getAttribute('data-unread'), WAIT).toBe('0')

    // an own message is pending until its ack, then shows its seq once, whether the ack or the push comes first
    hold = []
    await page.getByTestId('composer-input').fill('mine')
    await page.getByTestId('send').click()
    await list(page).filter({ hasText: 'mine' }).and(page.locator('[data-status="pending"]')).waitFor()
    await expect.poll(() => hold!.some((f) => f.includes('"op":"ack"')), WAIT).toBe(true)
    const held = hold
    hold = undefined
    for (const f of held) sockets.at(-1)!.page.send(f)
    await list(page).filter({ hasText: 'mine' }).and(page.locator('[data-seq="57"]')).waitFor()
    expect(await list(page).filter({ hasText: 'mine' }).count()).toBe(1)
    expect(await seqs(page)).toEqual(Array.from({ length: 57 }, (_, i) => i + 1))

    // a resync event from the server: the page syncs what it missed without reconnecting
    dropPushes = true
    await peer.send(conversationId, 'm58', 'k58')
    await expect.poll(() => dropped, WAIT).toBe(2)
    dropPushes = false
    sockets.at(-1)!.page.send(
      JSON.stringify({
        op: 'event',
        event: { event_id: randomUUID(), event_type: 'resync', timestamp: 0, payload: {} },
      }),
    )
    await expect.poll(() => seqs(page), WAIT).toEqual(Array.from({ length: 58 }, (_, i) => i + 1))
    expect(sockets.length).toBe(2)
  })

  it('names, search, read marks, typing, profile updates, presence and unread badges between two people', async () => {
    const [alice, bob] = [await newPage(), await newPage()]
    const [aliceName, bobName] = [`Alice ${tag}`, `Bob ${tag}`]
    await signIn(alice, aliceName)
    await signIn(bob, bobName)

    // Alice finds Bob by the start of his name: the conversation is titled with his name, and he is online
    await chatWith(alice, bobName)
    expect(await alice.getByTestId('chat-title').textContent()).toBe(bobName)
    expect(await alice.getByTestId('conversation-title').first().textContent()).toBe(bobName)
    await expect.poll(() => alice.getByTestId('peer-online').getAttribute('data-online'), WAIT).toBe('true')
    // one letter does not search; nobody is listed for a name nobody has
    await alice.getByTestId('people-search').fill('B')
    await alice.waitForTimeout(400)
    expect(await alice.getByTestId('people-results').getByTestId('person').count()).toBe(0)
    // nor for the name of a stranger who did not tick "Let anyone find me by name"
    const hidden = await newPage()
    await signIn(hidden, `Hidden ${tag}`, false)
    await alice.bringToFront()
    await alice.getByTestId('people-search').fill(`Hidden ${tag}`)
    await alice.waitForTimeout(400)
    expect(await alice.getByTestId('people-results').getByTestId('person').count()).toBe(0)
    await hidden.close()

    await say(alice, 'hi Bob')
    await say(alice, 'are you there?')
    // Bob: the conversation is titled with Alice's name, two unread; opening it clears them and signs her messages
    const bobConv = bob.getByTestId('conversation')
    await expect.poll(() => bobConv.getAttribute('data-unread'), WAIT).toBe('2')
    expect(await bobConv.getByTestId('unread').textContent()).toBe('2')
    expect(await bobConv.getByTestId('conversation-title').textContent()).toBe(aliceName)
    await openOnly(bob)
    await expect.poll(() => bob.getByTestId('message-sender').allTextContents(), WAIT).toEqual([aliceName, aliceName])
    await expect.poll(() => bobConv.getAttribute('data-unread'), WAIT).toBe('0')
    expect(await bobConv.getByTestId('unread').isHidden()).toBe(true)
    // ...and Alice sees her messages read
    await expect.poll(() => alice.getByTestId('read-mark').count(), WAIT).toBe(2)

    // Bob types: Alice sees it, and it goes away by itself
    await bob.bringToFront()
    await bob.getByTestId('composer-input').pressSequentially('typing a reply', { delay: 20 })
    await expect.poll(() => alice.getByTestId('typing').textContent(), WAIT).toBe(`${bobName} is typing…`)
    await shot(alice, 'chat-typing')
    await expect.poll(() => alice.getByTestId('typing').textContent(), { timeout: 9_000, interval: 200 }).toBe('')

    // Bob renames himself: Alice's list, header and his messages follow
    await say(bob, 'yes, I am')
    const rest = new RestClient(up.url, await tokenOf(bob))
    await rest.updateMe(`Robert ${tag}`)
    await expect.poll(() => alice.getByTestId('chat-title').textContent(), WAIT).toBe(`Robert ${tag}`)
    expect(await alice.getByTestId('conversation-title').first().textContent()).toBe(`Robert ${tag}`)
    expect(await alice.getByTestId('message-sender').allTextContents()).toEqual(['you', 'you', `Robert ${tag}`])
    await expect.poll(() => bob.getByTestId('my-name').textContent(), WAIT).toBe(`Robert ${tag}`)
    await alice.bringToFront()
    await shot(alice, 'chat-desktop')

    // Bob leaves: his dot goes off on Alice's page
    await bob.close()
    await expect.poll(() => alice.getByTestId('peer-online').getAttribute('data-online'), WAIT).toBe('false')
    expect(pageErrors).toEqual([])
  })

  it('makes a group by picking people; admins edit the announcement and add and remove members', async () => {
    const [carol, dave, erin] = [await newPage(), await newPage(), await newPage()]
    // names of their own in this run (gochat up starts empty): clean names for the README's screenshot
    const [carolName, daveName, erinName] = ['Carol Reyes', 'Dave Kim', 'Erin Olsen']
    await signIn(carol, carolName)
    const daveId = await signIn(dave, daveName)
    const erinId = await signIn(erin, erinName)

    await carol.bringToFront()
    await carol.locator('summary', { hasText: 'New group' }).click()
    await carol.getByTestId('group-name').fill('Design team')
    for (const name of [daveName, erinName]) {
      await carol.getByTestId('group-search').fill(name)
      await carol
        .getByTestId('group-search-results')
        .getByTestId('person')
        .filter({ hasText: name })
        .getByTestId('person-pick')
        .click()
    }
    expect(
      await carol.getByTestId('picked').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.userId)),
    ).toEqual([daveId, erinId])
    await carol.getByTestId('create-group').click()
    await carol.getByTestId('composer').waitFor()
    expect(await carol.getByTestId('chat-title').textContent()).toBe('Design team')
    await say(carol, 'Welcome, both of you!')

    // Dave and Erin share no conversation with Carol: invited, live, with Join and Decline; no group yet
    for (const page of [dave, erin]) {
      await expect.poll(() => page.getByTestId('invitation-name').allTextContents(), WAIT).toEqual(['Design team'])
      expect(await page.getByTestId('invitation-from').textContent()).toBe(`from ${carolName}`)
      expect(await page.getByTestId('conversation-title').count()).toBe(0)
    }
    await dave.bringToFront()
    await shot(dave, 'chat-invitation')
    await dave.getByTestId('invitation-join').click()
    await erin.getByTestId('invitation-join').click()
    for (const page of [dave, erin]) await expect.poll(() => page.getByTestId('invitation').count(), WAIT).toBe(0)

    // the members see the group by its name, and the sender by hers
    await expect.poll(() => dave.getByTestId('conversation-title').allTextContents(), WAIT).toEqual(['Design team'])
    await openOnly(dave)
    await expect.poll(() => dave.getByTestId('message-sender').allTextContents(), WAIT).toEqual([carolName])
    await say(dave, 'Thanks Carol. Where do we keep the mockups?')
    await expect.poll(() => carol.getByTestId('message-sender').allTextContents(), WAIT).toEqual(['you', daveName])

    // Carol (admin): members with roles, an announcement the others see
    await carol.bringToFront()
    await carol.getByTestId('show-group').click()
    const members = (page: Page) => page.getByTestId('member-list').getByTestId('member')
    await expect.poll(() => members(carol).count(), WAIT).toBe(3)
    expect(await members(carol).filter({ hasText: carolName }).getAttribute('data-role')).toBe('admin')
    await carol.getByTestId('announcement-input').fill('Standup at <b>10</b>, mockups in the shared drive')
    await carol.getByTestId('save-announcement').click()
    await expect
      .poll(() => dave.getByTestId('announcement-bar').textContent(), WAIT)
      .toBe('Announcement: Standup at <b>10</b>, mockups in the shared drive')

    // Carol removes Erin, then adds her back through the search
    await carol.bringToFront()
    await members(carol).filter({ hasText: erinName }).getByTestId('remove-member').click()
    await expect.poll(() => members(carol).count(), WAIT).toBe(2)
    await carol.getByTestId('add-member-search').fill(erinName)
    await carol
      .getByTestId('add-member-results')
      .getByTestId('person')
      .filter({ hasText: erinName })
      .getByTestId('person-add')
      .click()
    // they share no conversation any more: invited again; she declines once, and joins when invited again
    await expect
      .poll(() => carol.getByTestId('add-member-note').textContent(), WAIT)
      .toBe(`${erinName} is invited and joins on accepting`)
    await expect.poll(() => erin.getByTestId('invitation').count(), WAIT).toBe(1)
    await erin.getByTestId('invitation-decline').click()
    await expect.poll(() => erin.getByTestId('invitation').count(), WAIT).toBe(0)
    expect(await members(carol).count()).toBe(2)
    await carol.getByTestId('add-member-search').fill(erinName)
    await carol
      .getByTestId('add-member-results')
      .getByTestId('person')
      .filter({ hasText: erinName })
      .getByTestId('person-add')
      .click()
    await expect.poll(() => erin.getByTestId('invitation').count(), WAIT).toBe(1)
    await erin.getByTestId('invitation-join').click()
    // Carol, the inviter, hears of it (group.invitation.accepted): her open member list follows
    await expect.poll(() => members(carol).count(), WAIT).toBe(3)
    await expect.poll(() => members(carol).locator('[data-online="true"]').count(), WAIT).toBe(3)
    await shot(carol, 'chat-group')

    // Dave (member): sees the members, but neither the remove buttons nor the announcement form
    await dave.bringToFront()
    await dave.getByTestId('show-group').click()
    await expect.poll(() => members(dave).count(), WAIT).toBe(3)
    expect(await dave.getByTestId('remove-member').count()).toBe(0)
    expect(await dave.getByTestId('announcement-form').isHidden()).toBe(true)
    expect(await dave.getByTestId('announcement').textContent()).toBe(
      'Standup at <b>10</b>, mockups in the shared drive',
    )
    expect(await dave.locator('b').count()).toBe(0)
    expect(pageErrors).toEqual([])
  })

  it('shows one pane at a time at phone width', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true })
    phone.setDefaultTimeout(10_000)
    try {
      const page = await phone.newPage()
      page.on('pageerror', (e) => pageErrors.push(e.message))
      const me = await signIn(page, `Phone ${tag}`)
      const peer = new RestClient(up.url)
      await peer.guest(`Pal ${tag}`)
      const { conversationId } = await peer.direct(me)
      await peer.send(conversationId, 'hello phone', 'p1')
      await expect.poll(() => page.getByTestId('conversation').count(), WAIT).toBe(1)
      expect(await page.getByTestId('message-list').isVisible()).toBe(false)
      await shot(page, 'phone-list')
      await page.getByTestId('conversation').click()
      await expect.poll(() => texts(page), WAIT).toEqual(['hello phone'])
      expect(await page.getByTestId('conversation-list').isVisible()).toBe(false)
      expect(await page.getByTestId('chat-title').textContent()).toBe(`Pal ${tag}`)
      await shot(page, 'phone-chat')
      await page.getByTestId('back').click()
      await page.getByTestId('conversation-list').waitFor()
      expect(await page.getByTestId('message-list').isVisible()).toBe(false)
    } finally {
      await phone.close()
    }
    expect(pageErrors).toEqual([])
  })
})
