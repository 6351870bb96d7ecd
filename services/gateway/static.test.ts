// The gateway's static-file handler (services/gateway/static.ts): the page's files with the right types, and
// nothing outside web/ however the path is spelled.
import { request, createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy, staticFiles } from './static.js'

let server: Server
let port: number

/** A raw request, so that the path reaches the server exactly as written (fetch would normalise `..`). */
function get(path: string, method = 'GET'): Promise<{ status: number; type?: string; csp?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (body += d))
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          type: res.headers['content-type'],
          csp: res.headers['content-security-policy'] as string | undefined,
          body,
        }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  const serve = staticFiles()
  server = createServer((req, res) => {
    void serve(req, res).then((served) => served || res.writeHead(404).end('not found'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('static files of the web page', () => {
  it('serves / as index.html with a content security policy', async () => {
    const res = await get('/')
    expect(res.status).toBe(200)
    expect(res.type).toBe('text/html; charset=utf-8')
    expect(res.csp).toContain("script-src 'self'")
    expect(res.body).toContain('<script type="module" src="/app.js">')
  })

  it('serves the script and the stylesheet with their types; HEAD has no body', async () => {
    expect((await get('/app.js')).type).toBe('text/javascript; charset=utf-8')
    expect((await get('/style.css?v=1')).type).toBe('text/css; charset=utf-8')
    const head = await get('/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
  })

  it('serves gochat/client for browsers at /client.js, one module with no imports', async () => {
    const res = await get('/client.js')
    expect(res.status).toBe(200)
    expect(res.type).toBe('text/javascript; charset=utf-8')
    expect(res.body).toContain('GochatClient')
    expect(res.body).not.toMatch(/\bimport\s*[("'{*]|from\s*["']/)
  })

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..\\package.json',
    '/%5c..%5cpackage.json',
    '/.hidden.js',
    '/app.js%00.css',
    '/nope.js',
    '/README',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    const res = await get(path)
    expect(res.status).toBe(404)
    expect(res.body).toBe('not found')
  })
})

describe("the page's policy with an S3 blob store", () => {
  it("lets the page upload to, show images from and play media from the store's origin, and nothing else", () => {
    const csp = contentSecurityPolicy(['http://127.0.0.1:9310'])
    expect(csp).toContain("img-src 'self' data: http://127.0.0.1:9310;")
    expect(csp).toContain("media-src 'self' blob: http://127.0.0.1:9310;")
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:9310;")
    expect(csp).toContain("script-src 'self';")
    expect(contentSecurityPolicy()).toContain("img-src 'self' data:;")
  })
})
