// Which produce failures are an outage (BusUnavailable: callers wait) and which are about the records, on kafkajs's
// own error classes; and a real publish to brokers that are not there rejects with BusUnavailable.
import { createServer } from 'node:net'
import {
  KafkaJSConnectionError,
  KafkaJSLockTimeout,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} from 'kafkajs'
import { describe, expect, it } from 'vitest'
import { BusUnavailable } from '../../ports/bus.js'
import { KafkaBus } from './bus.js'
import { isPassingProduceError, publishError } from './publish-errors.js'

const protocol = (type: string, retriable: boolean) =>
  new KafkaJSProtocolError({ message: type, type, code: 0, retriable } as never)

describe('produce errors', () => {
  it('an outage (connection refused, no leader, too few in-sync replicas) is passing, also once retries ran out', () => {
    const refused = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9')
    expect(isPassingProduceError(refused)).toBe(true)
    expect(isPassingProduceError(new KafkaJSNumberOfRetriesExceeded(refused, { retryCount: 8, retryTime: 1000 }))).toBe(
      true,
    )
    // (the types leave out the options argument kafkajs's crash wrapper passes)
    const crash = new (KafkaJSNonRetriableError as new (e: Error, o: { cause: Error }) => Error)(refused, {
      cause: refused,
    })
    expect(isPassingProduceError(crash)).toBe(true)
    // waiting for a connection to a broker that is slow to answer: kafkajs marks it not retriable (its types leave
    // out the message argument)
    const LockTimeout = KafkaJSLockTimeout as unknown as new (message: string) => Error
    expect(
      isPassingProduceError(
        new LockTimeout('Timeout while acquiring lock (3 waiting locks): "connect to broker 127.0.0.1:9"'),
      ),
    ).toBe(true)
    for (const type of ['NOT_ENOUGH_REPLICAS', 'LEADER_NOT_AVAILABLE', 'NOT_LEADER_FOR_PARTITION'])
      expect(isPassingProduceError(protocol(type, true))).toBe(true)
    const wrapped = publishError(refused)
    expect(wrapped).toBeInstanceOf(BusUnavailable)
    expect((wrapped as BusUnavailable).cause).toBe(refused)
  })

  it('a failure about the records, or not from kafkajs, is not', () => {
    const tooLarge = protocol('MESSAGE_TOO_LARGE', false)
    expect(isPassingProduceError(tooLarge)).toBe(false)
    expect(isPassingProduceError(new KafkaJSNumberOfRetriesExceeded(tooLarge, { retryCount: 0, retryTime: 0 }))).toBe(
      false,
    )
    expect(isPassingProduceError(new Error('boom'))).toBe(false)
    expect(isPassingProduceError(undefined)).toBe(false)
    expect(publishError(tooLarge)).toBe(tooLarge)
  })

  it('KafkaBus.publish to brokers that refuse connections rejects with BusUnavailable', async () => {
    // a port that was free a moment ago: nothing listens there
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port
        s.close(() => resolve(p))
      })
    })
    const bus = new KafkaBus([`127.0.0.1:${port}`], 'publish-errors-test')
    try {
      const err = await bus.publish('t', [{ key: 'k', value: 'v' }]).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(BusUnavailable)
    } finally {
      await bus.close()
    }
  }, 60_000)
})
