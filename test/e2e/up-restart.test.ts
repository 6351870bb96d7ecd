// Restarts lose nothing: `gochat up --data-dir` is stopped mid-traffic (SIGKILL, then SIGTERM), started again on
// the same directory, and everything acknowledged is there: users (passwords), the tokens handed out before,
// conversations and members, every acked message in gap-free history, read cursors, idempotency keys, and the
// seq counter goes on from the stored history.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { RestClient, type Session } from '../../src/client/rest.js'
import { SocketClient } from '../../src/client/socket.js'
import type { Message } from '../../src/contracts/payloads.js'
import { startUp } from '../helpers/up.js'
import { sleep } from '../helpers/until.js'

interface Acked {
  conversationId: string
  seq: number
  content: string
  key: string
}

/** one sender over its own WebSocket, ~50 sends a second (under the per-connection rate limit), until stopped */
function sender(socket: SocketClient, conversationId: string, tag: string, acked: Acked[]) {
  let running = true
  const done = (async () => {
    for (let i = 0; running; i++) {
      const content = `${tag}-${i}`
      const key = randomUUID()
      try {
        const f = await socket.send(conversationId, content, key)
        if (f.op === 'ack' && typeof f.seq === 'number') acked.push({ conversationId, seq: f.seq, content, key })
      } catch {
        return // the socket died with the process: this send was never acked
      }
      await sleep(20)
    }
  })()
  return {
    stop: async () => {
      running = false
      await done
    },
  }
}

async function allHistory(client: RestClient, conversationId: string): Promise<Message[]> {
  const out: Message[] = []
  for (let after = 0; ; ) {
    const page = await client.history(conversationId, after, 50)
    out.push(...page.messages)
    if (!page.hasMore || page.messages.length === 0) return out
    after = page.messages.at(-1)!.seq
  }
}

describe('gochat up --data-dir: a restart loses nothing acknowledged', () => {
  const dirs: string[] = []
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`after ${signal} mid-traffic`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gochat-restart-'))
      dirs.push(dir)
      const first = await startUp(['--data-dir', dir], { GOCHAT_JWT_SECRET: undefined })
      const names = {
        alice: `a${randomUUID().slice(0, 8)}`,
        bob: `b${randomUUID().slice(0, 8)}`,
        carol: `c${randomUUID().slice(0, 8)}`,
      }
      let alice: Session, bob: Session, carol: Session
      const acked: Acked[] = []
      let bobRead = 0
      let direct: string, group: string
      const sockets: SocketClient[] = []
      try {
        const rest = (token?: string) => new RestClient(first.url, token)
        alice = await rest().register(names.alice, 'password-1')
        bob = await rest().register(names.bob, 'password-2')
        carol = await rest().register(names.carol, 'password-3')
        direct = (await rest(alice.token).direct(bob.userId)).conversationId
        group = (await rest(alice.token).createGroup('team', [bob.userId, carol.userId])).conversationId
        await rest(carol.token).acceptInvitation(group) // a stranger to alice: invited (bob, her direct peer, is added)

        const [a1, a2, b1, c1] = await Promise.all(
          [alice, alice, bob, carol].map((s) => SocketClient.connect(first.url, s.token)),
        )
        sockets.push(a1!, a2!, b1!, c1!)
        const senders = [
          sender(a1!, direct, 'a-direct', acked),
          sender(a2!, group, 'a-group', acked),
          sender(b1!, direct, 'b-direct', acked),
          sender(c1!, group, 'c-group', acked),
        ]
        // bob reads the direct conversation as it goes
        const reader = (async () => {
          for (;;) {
            await sleep(100)
            const last = Math.max(0, ...acked.filter((a) => a.conversationId === direct).map((a) => a.seq))
            if (last === 0) continue
            try {
              const f = await b1!.read(direct, last)
              if (f.op === 'ack') bobRead = Math.max(bobRead, last)
            } catch {
              return
            }
          }
        })()
        while (acked.length < 150) await sleep(50)

        // mid-traffic: sends are in flight when the signal arrives
        const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
          first.child.once('exit', (code, sig) => resolve({ code, signal: sig })),
        )
        first.child.kill(signal)
        const exit = await exited
        if (signal === 'SIGTERM') expect(exit.code, first.output()).toBe(0)
        else expect(exit.signal).toBe('SIGKILL')
        await Promise.all(senders.map((s) => s.stop()))
        await reader
      } finally {
        await Promise.all(sockets.map((s) => s.close()))
        if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL')
      }
      expect(acked.length).toBeGreaterThanOrEqual(150)
      expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600)
      expect(existsSync(join(dir, 'gochat.db'))).toBe(true)

      const second = await startUp(['--data-dir', dir], { GOCHAT_JWT_SECRET: undefined })
      try {
        expect(second.output()).toContain(`data in ${dir}`)
        // the tokens handed out before still work, and the passwords log in
        const asAlice = new RestClient(second.url, alice!.token)
        const asBob = new RestClient(second.url, bob!.token)
        expect((await asAlice.me()).userId).toBe(alice!.userId)
        expect((await new RestClient(second.url).login(names.carol, 'password-3')).userId).toBe(carol!.userId)

        // conversations with their last seq, and bob's read cursor
        const convs = new Map((await asBob.conversations()).conversations.map((c) => [c.conversationId, c]))
        expect([...convs.keys()].sort()).toEqual([direct!, group!].sort())
        expect(convs.get(direct!)!.readSeq).toBeGreaterThanOrEqual(bobRead)

        // every acked message is in history, seqs 1..lastSeq without a gap or a repeat
        for (const id of [direct!, group!]) {
          const history = await allHistory(asBob, id)
          const seqs = history.map((m) => m.seq)
          expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1))
          expect(convs.get(id)!.lastSeq).toBe(seqs.length)
          const bySeq = new Map(history.map((m) => [m.seq, m.content]))
          for (const a of acked.filter((x) => x.conversationId === id))
            expect(bySeq.get(a.seq), `${id}#${a.seq}`).toBe(a.content)
        }

        // a reconnecting client syncs from its last seq; the same idempotency key is the same message; seqs go on
        const socket = await SocketClient.connect(second.url, alice!.token)
        try {
          const last = acked.filter((a) => a.content.startsWith('a-direct-')).at(-1)!
          const again = await socket.send(direct!, last.content, last.key)
          expect(again).toMatchObject({ op: 'ack', seq: last.seq })
          const synced = await socket.sync(direct!, last.seq - 1, 50)
          expect(synced.op === 'sync.result' && synced.messages[0]).toMatchObject({
            seq: last.seq,
            content: last.content,
          })
          const next = await socket.send(direct!, 'after the restart', randomUUID())
          expect(next).toMatchObject({ op: 'ack', seq: convs.get(direct!)!.lastSeq + 1 })
        } finally {
          await socket.close()
        }
      } finally {
        expect(await second.stop()).toBe(0)
      }
    }, 120_000)
  }
})
