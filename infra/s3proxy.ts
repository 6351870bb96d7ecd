// A local S3-API server: S3Proxy (org.gaul:s3proxy) on its filesystem backend, run from the jars Maven copies out of
// Central (infra/s3proxy/pom.xml), as Kafka is. `gochat infra up` keeps one on 127.0.0.1:9310 with the bucket
// `gochat`; tests start their own on a free port (startS3Proxy with dieWith), which ends with the test process.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { copyJars } from './maven.js'
import { portAnswers, waitFor } from './net.js'
import { s3proxyPaths as P } from './paths.js'
import { cmdline, isAlive, readPid, tail } from './proc.js'
import { markStarted, markStopped, startedByUs } from './state.js'
import type { ComponentStatus, DownAction, Progress, UpAction } from './types.js'

export const S3_HOST = '127.0.0.1'
export const S3_PORT = 9310
export const S3_BUCKET = 'gochat'
/** the local server's fixed credentials (like MariaDB's root without a password: local development only) */
export const S3_IDENTITY = 'gochat'
export const S3_CREDENTIAL = 'gochat-local-secret'
const MAIN = 'org.gaul.s3proxy.Main'
const START_TIMEOUT_MS = 60_000

const silent: Progress = () => undefined
const jarVersion = () => {
  for (const f of existsSync(P.libs) ? readdirSync(P.libs) : []) {
    const m = /^s3proxy-(\d[\w.-]*)\.jar$/.exec(f)
    if (m) return m[1]!
  }
  return null
}

export const ensureS3ProxyLibs = (progress: Progress = silent) =>
  copyJars(
    { what: 'S3Proxy', pom: P.pom, libs: P.libs, partial: P.libsPartial, hasMainJar: () => jarVersion() !== null },
    progress,
  )

/** blob_url for an S3Proxy on host:port */
export const s3ProxyBlobUrl = (port: number, bucket = S3_BUCKET, host = S3_HOST) =>
  `s3://${S3_IDENTITY}:${S3_CREDENTIAL}@${bucket}?endpoint=http://${host}:${port}`

export interface OwnS3Proxy {
  port: number
  endpoint: string
  /** blob_url of `bucket` (created by start) */
  blobUrl: string
  stop(): Promise<void>
}

/**
 * Starts S3Proxy on `port` with its data in `dataDir` (bucket `bucket` made there) and resolves once it answers.
 * With `dieWith` (a pid) it runs under a shell watchdog in its own process group that ends it when that process
 * goes away, even killed, and removes dataDir; stop() ends the group.
 */
export async function startS3Proxy(opts: {
  port: number
  dataDir: string
  log: string
  bucket?: string
  dieWith?: number
  progress?: Progress
}): Promise<OwnS3Proxy & { pid: number }> {
  await ensureS3ProxyLibs(opts.progress)
  const bucket = opts.bucket ?? S3_BUCKET
  mkdirSync(join(opts.dataDir, 'blobs', bucket), { recursive: true })
  const props = join(opts.dataDir, 's3proxy.properties')
  writeFileSync(
    props,
    [
      `s3proxy.endpoint=http://${S3_HOST}:${opts.port}`,
      's3proxy.authorization=aws-v2-or-v4',
      `s3proxy.identity=${S3_IDENTITY}`,
      `s3proxy.credential=${S3_CREDENTIAL}`,
      // browsers PUT and GET the presigned URLs straight from the chat page
      's3proxy.cors-allow-all=true',
      'jclouds.provider=filesystem',
      `jclouds.filesystem.basedir=${join(opts.dataDir, 'blobs')}`,
      '',
    ].join('\n'),
  )
  const java = ['java', '-Xms64m', '-Xmx256m', `-Dlogback.configurationFile=${P.logback}`, '-cp', `${P.libs}/*`, MAIN]
  const argv = [...java, '--properties', props].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
  const script = opts.dieWith
    ? `${argv} >>"${opts.log}" 2>&1 & r=$!; trap 'kill $r 2>/dev/null; wait $r; rm -rf "${opts.dataDir}"' EXIT; trap 'exit' TERM; while kill -0 $1 2>/dev/null && kill -0 $r 2>/dev/null; do sleep 0.5; done`
    : `exec ${argv} >>"${opts.log}" 2>&1`
  const child = spawn('bash', ['-c', script, 's3proxy', String(opts.dieWith ?? 0)], {
    detached: true,
    stdio: 'ignore',
  })
  child.unref()
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {}
    await waitFor(async () => ((await portAnswers(S3_HOST, opts.port, 200)) ? undefined : true), { timeoutMs: 10_000 })
  }
  const up = await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`S3Proxy exited at start:\n${tail(opts.log)}`)
      return (await portAnswers(S3_HOST, opts.port, 200)) ? true : undefined
    },
    { timeoutMs: START_TIMEOUT_MS, intervalMs: 200 },
  ).catch(async (err: Error) => {
    await stop()
    throw err
  })
  if (!up) {
    await stop()
    throw new Error(`S3Proxy did not answer on ${S3_HOST}:${opts.port} within 60 s:\n${tail(opts.log)}`)
  }
  const endpoint = `http://${S3_HOST}:${opts.port}`
  return { port: opts.port, endpoint, blobUrl: s3ProxyBlobUrl(opts.port, bucket), pid: child.pid!, stop }
}

const proxyPid = () => {
  const pid = readPid(P.pid)
  return pid && isAlive(pid) && cmdline(pid)?.includes(MAIN) ? pid : null
}

export async function s3proxyStatus(): Promise<ComponentStatus> {
  return {
    name: 's3',
    address: `${S3_HOST}:${S3_PORT}`,
    url: s3ProxyBlobUrl(S3_PORT),
    answers: await portAnswers(S3_HOST, S3_PORT),
    pid: proxyPid(),
    startedByUs: startedByUs('s3'),
    log: P.log,
    version: jarVersion(),
  }
}

export async function s3proxyUp(progress: Progress): Promise<UpAction> {
  if (await portAnswers(S3_HOST, S3_PORT)) return 'already running'
  mkdirSync(P.dir, { recursive: true })
  const started = await startS3Proxy({ port: S3_PORT, dataDir: P.data, log: P.log, progress })
  writeFileSync(P.pid, `${started.pid}\n`)
  markStarted('s3', started.pid)
  return 'started'
}

export async function s3proxyDown(_progress: Progress): Promise<DownAction> {
  if (!startedByUs('s3'))
    return (await portAnswers(S3_HOST, S3_PORT)) ? 'left running (not started by infra up)' : 'not running'
  const pid = proxyPid()
  if (pid) {
    process.kill(pid, 'SIGTERM')
    await waitFor(async () => (isAlive(pid) ? undefined : true), { timeoutMs: 10_000 })
  }
  rmSync(P.pid, { force: true })
  markStopped('s3')
  return pid ? 'stopped' : 'not running'
}
