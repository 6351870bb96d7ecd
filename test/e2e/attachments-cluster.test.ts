// Issue 25 end to end on separate role processes (two gateways) on real Kafka, MariaDB and Redis, with the blob
// store an S3 server (an S3Proxy of the test's own): image, file and voice messages reach both of a member's
// devices live (one on each gateway) and by sync with their descriptors, the member downloads the exact bytes
// (sha256) and the image's thumbnail from the bucket, someone outside the group gets 404, and an offline member
// gets a push (webhook) that names what was sent: "Photo", "Voice message 0:12", the file's name.
import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RestClient } from '../../src/client/rest.js'
import { type ServerFrame, SocketClient } from '../../src/client/socket.js'
import type { Message } from '../../src/contracts/payloads.js'
import { useCluster } from '../helpers/cluster-run.js'
import { infraAvailable } from '../helpers/infra.js'
import { decodablePng, imageInfo, refused, sha, wav } from '../helpers/media.js'
import { ownS3Proxy } from '../helpers/s3proxy.js'
import { startReceiver } from '../helpers/webhook.js'

type MessageFrame = Extract<ServerFrame, { op: 'message' }>
const infra = await infraAvailable('kafka', 'mysql', 'redis')
const proxy = infra ? await ownS3Proxy('gochat-cluster') : null
const receiver = await startReceiver()

describe.skipIf(!infra || !proxy)('attachments on a cluster (2 gateways) with an S3 blob store', () => {
  const c = useCluster('att', {
    env: {
      GOCHAT_BLOB_URL: proxy?.blobUrl ?? '',
      GOCHAT_GROUP_ADDS: 'direct',
      GOCHAT_PUSH_PROVIDER: 'webhook',
      GOCHAT_PUSH_ENDPOINT: receiver.url,
    },
  })
  const sockets: SocketClient[] = []
  let alice: RestClient
  let bob: RestClient & { userId: string; token: string }
  let carol: RestClient & { userId: string }
  let eve: RestClient
  let groupId: string
  let bobDevices: SocketClient[]
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()))
    await receiver.close()
    await proxy?.stop()
  })

  const person = async (gateway: number) => {
    const rest = new RestClient(c.cluster.gatewayUrls[gateway]!)
    const s = await rest.register(`u${randomUUID().slice(0, 8)}`, 'secret-pass')
    return Object.assign(rest, { userId: s.userId, token: s.token })
  }
  const connect = async (gateway: number, token: string) => {
    const s = await SocketClient.connect(c.cluster.gatewayUrls[gateway]!, token)
    sockets.push(s)
    return s
  }
  async function upload(rest: RestClient, kind: string, mime: string, bytes: Buffer, name?: string) {
    const slot = await rest.uploadSlot(kind, mime, bytes.length, name)
    // a URL of the bucket's, not of a gateway
    expect(slot.upload.url.startsWith(proxy!.endpoint)).toBe(true)
    expect((await rest.blob(slot.upload, bytes)).status).toBe(200)
    return rest.completeUpload(slot.attachmentId)
  }
  async function downloaded(rest: RestClient, attachmentId: string, variant?: 'thumbnail') {
    const res = await rest.blob(await rest.downloadUrl(attachmentId, variant))
    expect(res.status).toBe(200)
    return new Uint8Array(await res.arrayBuffer())
  }
  const pushFor = async (messageId: string, userId: string) => {
    const deadline = Date.now() + 30_000
    for (;;) {
      const hit = (receiver.bodies as Array<{ messageId: string; userIds: string[]; preview: string }>).find(
        (b) => b.messageId === messageId && b.userIds.includes(userId),
      )
      if (hit || Date.now() > deadline) return hit
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  beforeAll(async () => {
    ;[alice, bob, carol, eve] = [await person(0), await person(1), await person(0), await person(1)]
    groupId = (await alice.createGroup('photos', [bob.userId, carol.userId])).conversationId
    bobDevices = [await connect(0, bob.token), await connect(1, bob.token)]
    await Promise.all(bobDevices.map((d) => d.request({ op: 'ping' }, 10_000)))
  }, 60_000)

  /** sends it to the group, and checks it on both of bob's devices live, in bob's history and in carol's push */
  async function sendAndCheck(kind: 'image' | 'file' | 'voice', attachmentId: string, preview: string) {
    const sent = await alice.send(groupId, '', randomUUID(), { kind, attachmentId })
    const live = await Promise.all(
      bobDevices.map(async (d) => ((await d.waitForMessage(groupId, sent.seq, 30_000)) as MessageFrame).message),
    )
    const synced = (await bob.history(groupId)).messages.find((m) => m.seq === sent.seq)
    for (const m of [...live, synced] as Message[]) expect(m).toMatchObject({ kind, attachment: { attachmentId } })
    expect(live[0]!.attachment).toEqual(synced!.attachment)
    expect((await pushFor(sent.messageId, carol.userId))?.preview).toBe(preview)
    return synced!.attachment!
  }

  it('an image: live on both devices and by sync, the exact bytes and the thumbnail from S3, 404 to a stranger, "Photo" pushed', async () => {
    const bytes = await decodablePng(800, 600)
    const done = await upload(alice, 'image', 'image/png', bytes, 'view.png')
    const attachment = await sendAndCheck('image', done.attachmentId, 'Photo')
    expect(attachment).toMatchObject({ sha256: sha(bytes), width: 800, height: 600 })
    expect(attachment.thumbnail).toEqual({ width: 320, height: 240, size: done.thumbnail!.size, mime: 'image/webp' })
    expect(sha(await downloaded(bob, done.attachmentId))).toBe(sha(bytes))
    const thumb = await downloaded(bob, done.attachmentId, 'thumbnail')
    expect(thumb.length).toBe(attachment.thumbnail!.size)
    expect(await imageInfo(thumb)).toEqual({ format: 'webp', width: 320, height: 240 })
    await refused(eve.downloadUrl(done.attachmentId), 404, 'not_found')
    await refused(eve.downloadUrl(done.attachmentId, 'thumbnail'), 404, 'not_found')
  })

  it('a voice message of 12 s and a file: their bytes to the member, 404 to a stranger, pushed by what they are', async () => {
    const voiceBytes = wav(12_000)
    const voice = await upload(alice, 'voice', 'audio/wav', voiceBytes)
    expect((await sendAndCheck('voice', voice.attachmentId, 'Voice message 0:12')).durationMs).toBe(12_000)
    expect(sha(await downloaded(bob, voice.attachmentId))).toBe(sha(voiceBytes))
    const fileBytes = randomBytes(50_000)
    const file = await upload(alice, 'file', 'application/octet-stream', fileBytes, 'report.bin')
    expect((await sendAndCheck('file', file.attachmentId, 'report.bin')).name).toBe('report.bin')
    expect(sha(await downloaded(bob, file.attachmentId))).toBe(sha(fileBytes))
    await refused(eve.downloadUrl(file.attachmentId), 404, 'not_found')
    // the offline member catches up by sync on all three
    const kinds = (await carol.history(groupId)).messages.map((m) => m.kind)
    expect(kinds).toEqual(expect.arrayContaining(['image', 'voice', 'file']))
  })

  it('recalled, the file is gone from the bucket: a URL signed before finds nothing', async () => {
    const bytes = randomBytes(2000)
    const file = await upload(alice, 'file', 'application/octet-stream', bytes, 'gone.bin')
    const sent = await alice.send(groupId, '', randomUUID(), { kind: 'file', attachmentId: file.attachmentId })
    const before = await bob.downloadUrl(file.attachmentId)
    await alice.recall(groupId, sent.messageId)
    await refused(bob.downloadUrl(file.attachmentId), 404, 'not_found')
    expect((await bob.blob(before)).status).toBe(404)
  })
})
