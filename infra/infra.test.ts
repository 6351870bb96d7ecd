// The pure parts of `gochat infra`: server.properties rendering, when Maven runs, the broker's JVM arguments,
// and the started-by-us bookkeeping that decides what `infra down` stops.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  brokerJavaArgs,
  KAFKA_CLUSTER_ID,
  kafkaVersionFromJars,
  kraftNodeProperties,
  listenerPorts,
  needsCopyDependencies,
  parseProperties,
  renderServerProperties,
  sha256,
} from './kafka-config.js'
import { kafkaPaths } from './paths.js'
import { markStarted, markStopped, readState, startedByUs } from './state.js'

const template = readFileSync(kafkaPaths.template, 'utf8')

describe('server.properties template', () => {
  const props = parseProperties(renderServerProperties(template, { stateDir: '/srv/gochat/.gochat/kafka' }))

  it('is one combined KRaft node on 127.0.0.1:9092 with the controller on 19093', () => {
    expect(props['process.roles']).toBe('broker,controller')
    expect(props['node.id']).toBe('1')
    expect(props['controller.quorum.voters']).toBe('1@127.0.0.1:19093')
    expect(props['advertised.listeners']).toBe('PLAINTEXT://127.0.0.1:9092')
    expect(listenerPorts(props).sort((a, b) => a - b)).toEqual([9092, 19093])
  })

  it("stays off gochat's own ports (task 9093, repo 9094, logic 9095)", () => {
    const all = Object.values(props).join(' ')
    for (const port of ['9093', '9094', '9095']) expect(all).not.toMatch(new RegExp(`:${port}\\b`))
  })

  it('keeps data under the state dir', () => {
    expect(props['log.dirs']).toBe('/srv/gochat/.gochat/kafka/data')
  })

  it('has replication factor 1 everywhere, explicit topics only, 3 partitions, fast rebalances', () => {
    for (const key of Object.keys(props).filter((k) => /replication\.factor|min\.isr$/.test(k)))
      expect(props[key], key).toBe('1')
    expect(props['offsets.topic.replication.factor']).toBe('1')
    expect(props['transaction.state.log.replication.factor']).toBe('1')
    expect(props['transaction.state.log.min.isr']).toBe('1')
    expect(props['share.coordinator.state.topic.replication.factor']).toBe('1')
    expect(props['auto.create.topics.enable']).toBe('false')
    expect(props['num.partitions']).toBe('3')
    expect(props['group.initial.rebalance.delay.ms']).toBe('0')
    expect(props['log.cleaner.dedupe.buffer.size']).toBe('1048577')
  })

  it('refuses a relative state dir and unknown placeholders', () => {
    expect(() => renderServerProperties(template, { stateDir: '.gochat/kafka' })).toThrow(/absolute/)
    expect(() => renderServerProperties('a=@NOPE@', { stateDir: '/x' })).toThrow(/@NOPE@/)
  })
})

describe('parseProperties', () => {
  it('reads key=value and key:value, skips comments and blank lines', () => {
    expect(parseProperties('# c\n! c\n\na=1\n b = two words \nc:3\nflag\n')).toEqual({
      a: '1',
      b: 'two words',
      c: '3',
      flag: '',
    })
  })
})

describe('Maven copy-dependencies', () => {
  const pom = '<project/>'
  it('runs when the jars are missing, never copied, or copied from another pom', () => {
    expect(needsCopyDependencies(pom, sha256(pom), false)).toBe(true)
    expect(needsCopyDependencies(pom, null, true)).toBe(true)
    expect(needsCopyDependencies(pom, sha256('<project>old</project>'), true)).toBe(true)
  })
  it('is skipped when the jars match the pom', () => {
    expect(needsCopyDependencies(pom, sha256(pom) + '\n', true)).toBe(false)
  })
  it('pins maven-dependency-plugin and a Kafka 4 broker with a logging binding', () => {
    const xml = readFileSync(kafkaPaths.pom, 'utf8')
    expect(xml).toMatch(/<artifactId>maven-dependency-plugin<\/artifactId>\s*<version>3\.\d+\.\d+<\/version>/)
    expect(xml).toMatch(/<kafka\.version>4\.\d+\.\d+<\/kafka\.version>/)
    expect(xml).toMatch(/<artifactId>log4j-slf4j-impl<\/artifactId>/)
  })
})

describe('broker process', () => {
  it('finds the Kafka version among the copied jars', () => {
    expect(kafkaVersionFromJars(['kafka-clients-4.4.0.jar', 'kafka_2.13-4.4.0.jar'])).toBe('4.4.0')
    expect(kafkaVersionFromJars(['kafka-clients-4.4.0.jar'])).toBeNull()
  })
  it('runs kafka.Kafka from libs/* with a small heap unless KAFKA_HEAP_OPTS says otherwise', () => {
    const args = brokerJavaArgs({ libs: '/r/libs', log4j: '/r/log4j2.properties', properties: '/s/server.properties' })
    expect(args.slice(0, 2)).toEqual(['-Xms256m', '-Xmx512m'])
    expect(args.slice(-4)).toEqual(['-cp', '/r/libs/*', 'kafka.Kafka', '/s/server.properties'])
    expect(args).toContain('-Dlog4j2.configurationFile=/r/log4j2.properties')
    expect(brokerJavaArgs({ libs: 'l', log4j: 'x', properties: 'p', heapOpts: ' -Xmx1g ' }).slice(0, 2)).toEqual([
      '-Xmx1g',
      '-XX:+UseG1GC',
    ])
  })
  it('runs the nodes of a multi-node cluster lean: serial GC and C1 only', () => {
    const args = brokerJavaArgs({ libs: 'l', log4j: 'x', properties: 'p', lean: true })
    expect(args).toContain('-XX:+UseSerialGC')
    expect(args).not.toContain('-XX:+UseG1GC')
  })
  it('uses a cluster id that is a base64url UUID (22 characters)', () => {
    expect(KAFKA_CLUSTER_ID).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(Buffer.from(KAFKA_CLUSTER_ID, 'base64url')).toHaveLength(16)
  })
})

describe('infra-state.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gochat-infra-'))
  const file = join(dir, 'nested', 'infra-state.json')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('remembers only what was started, and forgets it when stopped', () => {
    expect(readState(file)).toEqual({})
    expect(startedByUs('redis', file)).toBe(false)
    markStarted('redis', 42, file)
    markStarted('kafka', 7, file)
    expect(startedByUs('redis', file)).toBe(true)
    expect(readState(file).redis?.pid).toBe(42)
    markStopped('redis', file)
    expect(startedByUs('redis', file)).toBe(false)
    expect(startedByUs('kafka', file)).toBe(true)
  })
})

describe('multi-node KRaft properties', () => {
  const nodes = [1, 2, 3].map((id) => ({ id, host: '10.9.0.' + id, port: 29091 + id, controllerPort: 29191 + id }))
  const props = parseProperties(kraftNodeProperties(nodes[1]!, nodes, '/tmp/k/node-2/data'))
  it('makes every node a voter of one quorum, listening on and advertising its own address', () => {
    expect(props['node.id']).toBe('2')
    expect(props['controller.quorum.voters']).toBe('1@10.9.0.1:29192,2@10.9.0.2:29193,3@10.9.0.3:29194')
    expect(props.listeners).toBe('PLAINTEXT://10.9.0.2:29093,CONTROLLER://10.9.0.2:29193')
    expect(props['advertised.listeners']).toBe('PLAINTEXT://10.9.0.2:29093')
    expect(props['log.dirs']).toBe('/tmp/k/node-2/data')
  })
  it('replicates internal topics three times with a min ISR of 2, and everything once on one node', () => {
    expect(props['offsets.topic.replication.factor']).toBe('3')
    expect(props['min.insync.replicas']).toBe('2')
    expect(props['transaction.state.log.min.isr']).toBe('2')
    const one = parseProperties(kraftNodeProperties(nodes[0]!, [nodes[0]!], '/d'))
    expect([one['offsets.topic.replication.factor'], one['min.insync.replicas']]).toEqual(['1', '1'])
  })
  it('refuses a relative data dir and a node outside the cluster', () => {
    expect(() => kraftNodeProperties(nodes[0]!, nodes, 'data')).toThrow(/absolute/)
    expect(() => kraftNodeProperties({ ...nodes[0]!, id: 9 }, nodes, '/d')).toThrow(/not one of/)
  })
})
