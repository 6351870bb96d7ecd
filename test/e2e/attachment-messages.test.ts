// Issue 25, the message half, over real HTTP and WebSockets against `gochat up` (embedded drivers and blob store):
// an upload becomes an image, file or voice message that the other member's device receives live and by sync with
// the attachment as the upload measured it (an image with its thumbnail), and downloads by a signed URL, byte for
// byte. Someone outside the conversation gets 404. Recalled or deleted, the attachment goes with its bytes (the
// uploader's access included) unless a forward in another conversation still carries it. A forged, another
// user's, an incomplete or other-kind attachment id is refused, and nothing is stored.
import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestClient } from '../../src/client/rest.js'
import { type ServerFrame, SocketClient } from '../../src/client/socket.js'
import type { Message } from '../../src/contracts/payloads.js'
import { decodablePng, imageInfo, png, refused, sha, wav } from '../helpers/media.js'
import { startUp } from '../helpers/up.js'

type MessageFrame = Extract<ServerFrame, { op: 'message' }>

describe('image, file and voice messages against gochat up', () => {
  let up: Awaited<ReturnType<typeof startUp>>
  const sockets: SocketClient[] = []
  beforeAll(async () => {
    up = await startUp()
  }, 60_000)
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()))
    await up?.stop()
  })

  const person = async () => {
    const rest = new RestClient(up.url)
    const s = await rest.register(`u${randomUUID().slice(0, 8)}`, 'secret-pass')
    return Object.assign(rest, { userId: s.userId, token: s.token })
  }
  const connect = async (token: string) => {
    const s = await SocketClient.connect(up.url, token)
    sockets.push(s)
    return s
  }
  /** slot, PUT, complete */
  async function upload(rest: RestClient, kind: string, mime: string, bytes: Buffer, name?: string) {
    const slot = await rest.uploadSlot(kind, mime, bytes.length, name)
    expect((await rest.blob(slot.upload, bytes)).status).toBe(200)
    return rest.completeUpload(slot.attachmentId)
  }
  const live = async (dev: SocketClient, conversationId: string, seq: number): Promise<Message> =>
    ((await dev.waitForMessage(conversationId, seq, 20_000)) as MessageFrame).message
  async function downloaded(rest: RestClient, attachmentId: string, variant?: 'thumbnail') {
    const res = await rest.blob(await rest.downloadUrl(attachmentId, variant))
    expect(res.status).toBe(200)
    return new Uint8Array(await res.arrayBuffer())
  }

  it('an image reaches the other member live and by sync with its descriptor, and downloads byte for byte', async () => {
    const [alice, bob, eve] = [await person(), await person(), await person()]
    const { conversationId } = await alice.direct(bob.userId)
    const bobDevice = await connect(bob.token!)
    const bytes = await decodablePng(640, 400)
    const done = await upload(alice, 'image', 'image/png', bytes, 'view.png')
    const sent = await alice.send(conversationId, 'the view', randomUUID(), {
      kind: 'image',
      attachmentId: done.attachmentId,
    })
    const descriptor = {
      attachmentId: done.attachmentId,
      mime: 'image/png',
      size: bytes.length,
      name: 'view.png',
      sha256: sha(bytes),
      width: 640,
      height: 400,
      durationMs: 0,
      thumbnail: { width: 320, height: 200, size: done.thumbnail!.size, mime: 'image/webp' },
    }
    expect(await live(bobDevice, conversationId, sent.seq)).toMatchObject({
      kind: 'image',
      content: 'the view',
      attachment: descriptor,
    })
    const history = await bob.history(conversationId)
    expect(history.messages.find((m) => m.seq === sent.seq)?.attachment).toEqual(descriptor)
    expect(sha(await downloaded(bob, done.attachmentId))).toBe(sha(bytes))
    expect(await imageInfo(await downloaded(bob, done.attachmentId, 'thumbnail'))).toMatchObject({ width: 320 })
    // not a member of the conversation: as if there were no such attachment
    await refused(eve.downloadUrl(done.attachmentId), 404, 'not_found')
  })

  it('a voice message sent over the socket carries its duration; a file its name; recalled, its attachment is gone', async () => {
    const [alice, bob] = [await person(), await person()]
    const { conversationId } = await alice.direct(bob.userId)
    const [aliceDevice, bobDevice] = [await connect(alice.token!), await connect(bob.token!)]
    const voice = await upload(alice, 'voice', 'audio/wav', wav(1200))
    const ack = await aliceDevice.send(conversationId, '', randomUUID(), {
      kind: 'voice',
      attachmentId: voice.attachmentId,
    })
    expect(ack.op).toBe('ack')
    const seq = (ack as Extract<ServerFrame, { op: 'ack' }>).seq!
    expect((await live(bobDevice, conversationId, seq)).attachment).toMatchObject({
      attachmentId: voice.attachmentId,
      mime: 'audio/wav',
      durationMs: 1200,
    })
    const bytes = randomBytes(3000)
    const file = await upload(alice, 'file', 'application/octet-stream', bytes, 'notes.bin')
    const sentFile = await alice.send(conversationId, '', randomUUID(), {
      kind: 'file',
      attachmentId: file.attachmentId,
    })
    expect((await live(bobDevice, conversationId, sentFile.seq)).attachment).toMatchObject({ name: 'notes.bin' })
    expect(sha(await downloaded(bob, file.attachmentId))).toBe(sha(bytes))
    await alice.recall(conversationId, sentFile.messageId)
    await refused(bob.downloadUrl(file.attachmentId), 404, 'not_found')
    // deleted with its bytes: the uploader's access too, and it cannot be sent again
    await refused(alice.downloadUrl(file.attachmentId), 404, 'not_found')
    await refused(
      alice.send(conversationId, '', randomUUID(), { kind: 'file', attachmentId: file.attachmentId }),
      404,
      'not_found',
    )
    const recalled = (await bob.history(conversationId)).messages.find((m) => m.seq === sentFile.seq)
    expect(recalled).toMatchObject({ status: 'recalled', content: '' })
    expect(recalled).not.toHaveProperty('attachment')
  })

  it('a forwarded image outlives the recall of one message; deleting the last one deletes it and its thumbnail', async () => {
    const [alice, bob, cy] = [await person(), await person(), await person()]
    const [withBob, withCy] = [
      (await alice.direct(bob.userId)).conversationId,
      (await alice.direct(cy.userId)).conversationId,
    ]
    const bytes = await decodablePng(400, 400)
    const done = await upload(alice, 'image', 'image/png', bytes)
    const thumbUrl = await alice.downloadUrl(done.attachmentId, 'thumbnail')
    const image = { kind: 'image' as const, attachmentId: done.attachmentId }
    const toBob = await alice.send(withBob, '', randomUUID(), image)
    const toCy = await alice.send(withCy, '', randomUUID(), image)
    await alice.recall(withBob, toBob.messageId)
    await refused(bob.downloadUrl(done.attachmentId), 404, 'not_found')
    expect(sha(await downloaded(cy, done.attachmentId))).toBe(sha(bytes))
    expect((await alice.blob(thumbUrl)).status).toBe(200)
    await alice.deleteMessage(withCy, toCy.messageId, 'soft')
    await refused(cy.downloadUrl(done.attachmentId), 404, 'not_found')
    await refused(alice.downloadUrl(done.attachmentId, 'thumbnail'), 404, 'not_found')
    // the bytes themselves are gone: a URL signed before still names them, and finds nothing
    expect((await alice.blob(thumbUrl)).status).toBe(404)
  })

  it('refuses a forged, another user’s, an incomplete or another kind’s attachment; nothing is stored', async () => {
    const [alice, bob] = [await person(), await person()]
    const { conversationId } = await alice.direct(bob.userId)
    const bobs = await upload(bob, 'image', 'image/png', png(8, 8))
    const pending = await alice.uploadSlot('image', 'image/png', 100)
    const file = await upload(alice, 'file', 'application/octet-stream', randomBytes(100))
    const send = (kind: 'image' | 'file' | 'voice', attachmentId?: string) =>
      alice.send(conversationId, '', randomUUID(), { kind, ...(attachmentId ? { attachmentId } : {}) })
    await refused(send('image', `att_${randomBytes(16).toString('hex')}`), 404, 'not_found')
    await refused(send('image', bobs.attachmentId), 404, 'not_found')
    await refused(send('image', pending.attachmentId), 409, 'upload_incomplete')
    await refused(send('image', file.attachmentId), 400, 'bad_request')
    await refused(send('voice'), 400, 'bad_request')
    await refused(
      alice.send(conversationId, 'hi', randomUUID(), { attachmentId: file.attachmentId }),
      400,
      'bad_request',
    )
    await refused(alice.send(conversationId, 'hi', randomUUID(), { kind: 'system' }), 400, 'bad_request')
    expect((await bob.history(conversationId)).messages).toEqual([])
    // bob's attachment stays his alone
    await refused(alice.downloadUrl(bobs.attachmentId), 404, 'not_found')
  })
})
