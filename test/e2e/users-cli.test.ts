// `gochat users export` and `gochat users erase` against the SQLite store of a running `gochat up --data-dir`:
// what export writes matches what the user sent through the API; erase leaves no content of theirs, keeps the
// others' history gap-free with the placeholder sender, refuses their token and closes their socket.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestClient, type Session } from '../../src/client/rest.js'
import { runGochat } from '../helpers/cli.js'
import { decodablePng } from '../helpers/media.js'
import { startUp } from '../helpers/up.js'

describe('gochat users export / erase on a gochat up --data-dir (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gochat-users-'))
  let up: Awaited<ReturnType<typeof startUp>>
  let alice: Session, bob: Session
  let group: string, direct: string
  const aliceName = `a${randomUUID().slice(0, 8)}`
  const sent: Array<{ conversationId: string; content: string; seq: number }> = []
  const cli = (args: string[]) =>
    runGochat(['users', ...args, '--data-dir', dir], { env: { GOCHAT_LOG_LEVEL: 'warn' } })
  const rest = (token?: string) => new RestClient(up.url, token)

  beforeAll(async () => {
    up = await startUp(['--data-dir', dir])
    alice = await rest().register(aliceName, 'password-1')
    bob = await rest().register(`b${randomUUID().slice(0, 8)}`, 'password-1')
    direct = (await rest(alice.token).direct(bob.userId)).conversationId
    group = (await rest(alice.token).createGroup('club', [bob.userId], up.adminSecret)).conversationId
    for (const [c, who, text] of [
      [group, alice, 'hello group'],
      [group, bob, 'hi alice'],
      [direct, alice, 'private note'],
      [group, alice, 'second to group'],
    ] as const) {
      const r = await rest(who.token).send(c, text, randomUUID())
      if (who === alice) sent.push({ conversationId: c, content: text, seq: r.seq })
    }
  }, 60_000)
  afterAll(async () => {
    await up?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('refuses while gochat up holds the data dir, then works on it stopped', async () => {
    const busy = await cli(['export', alice.userId])
    expect(busy.code, busy.stderr).toBe(2)
    expect(busy.stderr).toMatch(/in use by another process[\s\S]*stop that `gochat up` first/)
    await up.stop()
  })

  it('export writes the profile, conversations and exactly what the user sent; stdout without --out', async () => {
    const file = join(dir, 'alice.json')
    const run = await cli(['export', alice.userId, '--out', file, '--json'])
    expect(run.code, run.stderr).toBe(0)
    const summary = JSON.parse(run.stdout)
    expect(summary).toMatchObject({ userId: alice.userId, counts: { conversations: 2, messages: 3 } })
    expect(summary.audit.published).toBe(false)
    const doc = JSON.parse(readFileSync(file, 'utf8'))
    expect(doc.user).toMatchObject({ userId: alice.userId, displayName: expect.any(String) })
    expect(doc.user.passwordHash).toBeUndefined()
    expect(doc.conversations.map((c: { conversationId: string }) => c.conversationId).sort()).toEqual(
      [direct, group].sort(),
    )
    expect(doc.conversations.find((c: { conversationId: string }) => c.conversationId === group)).toMatchObject({
      kind: 'group',
      name: 'club',
      role: 'admin',
    })
    const got = doc.messages.map((m: { conversationId: string; content: string; seq: number }) => ({
      conversationId: m.conversationId,
      content: m.content,
      seq: m.seq,
    }))
    const byPlace = (a: { conversationId: string; seq: number }, b: { conversationId: string; seq: number }) =>
      a.conversationId.localeCompare(b.conversationId) || a.seq - b.seq
    expect(got).toEqual([...sent].sort(byPlace))

    const byName = await cli(['export', aliceName])
    expect(byName.code, byName.stderr).toBe(0)
    expect(JSON.parse(byName.stdout).messages).toHaveLength(3)
  })

  it('an unknown user is a clear error with exit 2, for export and erase', async () => {
    for (const cmd of ['export', 'erase']) {
      const run = await cli([cmd, 'u_nobody-here', ...(cmd === 'erase' ? ['--execute'] : [])])
      expect(run.code, run.stderr).toBe(2)
      expect(run.stderr).toMatch(/unknown user "u_nobody-here"/)
    }
  })

  it('erase plans without --execute and changes nothing', async () => {
    const before = readFileSync(join(dir, 'gochat.db'))
    const plan = await cli(['erase', alice.userId, '--json'])
    expect(plan.code, plan.stderr).toBe(0)
    expect(JSON.parse(plan.stdout)).toMatchObject({
      executed: false,
      alreadyErased: false,
      messages: 3,
      groups: 1,
      promotions: 1,
      directConversations: 1,
    })
    expect(readFileSync(join(dir, 'gochat.db')).equals(before)).toBe(true)
  })

  it('erase --execute: no content of theirs left, history gap-free with the placeholder, token refused; twice: already erased', async () => {
    const run = await cli(['erase', aliceName, '--execute', '--json'])
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      executed: true,
      erased: { messages: 3, groupsLeft: 1 },
      audit: { published: false, event: { actor: 'cli', action: 'user.erased', target: alice.userId } },
    })
    const again = await cli(['erase', alice.userId, '--execute'])
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(/already erased/)

    const exported = JSON.parse((await cli(['export', alice.userId])).stdout)
    expect(exported.user).toMatchObject({ username: null, displayName: 'Deleted user' })
    expect(exported.conversations.map((c: { kind: string }) => c.kind)).toEqual(['direct'])
    expect(exported.messages).toHaveLength(3)
    for (const m of exported.messages) expect(m).toMatchObject({ kind: 'expired', content: '', mentions: [] })

    up = await startUp(['--data-dir', dir])
    await expect(rest(alice.token).me()).rejects.toMatchObject({ status: 401 })
    await expect(rest().login(aliceName, 'password-1')).rejects.toMatchObject({ status: 401 })
    for (const c of [group, direct]) {
      const history = (await rest(bob.token).history(c)).messages
      expect(history.map((m) => m.seq)).toEqual(history.map((_, i) => i + 1))
      for (const m of history.filter((m) => m.senderId === alice.userId)) expect(m.content).toBe('')
      expect(JSON.stringify(history)).not.toMatch(/hello group|private note|second to group/)
    }
    expect((await rest(bob.token).history(group)).messages.find((m) => m.senderId === bob.userId)?.content).toBe(
      'hi alice',
    )
  })

  it("erase --execute deletes the bytes of the user's attachments: a member's download is 404 afterwards", async () => {
    const carolName = `c${randomUUID().slice(0, 8)}`
    const carol = await rest().register(carolName, 'password-1')
    const chat = (await rest(carol.token).direct(bob.userId)).conversationId
    const bytes = await decodablePng(64, 48)
    const slot = await rest(carol.token).uploadSlot('image', 'image/png', bytes.length, 'photo.png')
    expect((await rest(carol.token).blob(slot.upload, bytes)).status).toBe(200)
    const done = await rest(carol.token).completeUpload(slot.attachmentId)
    await rest(carol.token).send(chat, 'a photo', randomUUID(), { kind: 'image', attachmentId: done.attachmentId })
    const signed = await rest(bob.token).downloadUrl(done.attachmentId)
    expect((await rest(bob.token).blob(signed)).status).toBe(200)

    await up.stop()
    const run = await cli(['erase', carolName, '--execute', '--json'])
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ executed: true, erased: { messages: 1, attachments: 1 } })

    up = await startUp(['--data-dir', dir])
    expect((await rest(bob.token).blob(signed)).status).toBe(404) // a URL signed before the erase finds no bytes
    await expect(rest(bob.token).downloadUrl(done.attachmentId)).rejects.toMatchObject({ status: 404 })
  })
})
