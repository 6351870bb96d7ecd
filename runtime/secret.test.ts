import { describe, expect, it } from 'vitest'
import { configKeys } from '../src/config/index.js'
import { checkJwtSecret, MIN_SECRET_CHARS } from './secret.js'

const embedded = { kafka_brokers: [] as string[], mysql_url: null, redis_url: null }
const DEFAULT = configKeys.jwt_secret.default
const good = 'x'.repeat(MIN_SECRET_CHARS)

describe('checkJwtSecret', () => {
  it('gives an embedded all-in-one process without a secret a random one, new each run', () => {
    const a = checkJwtSecret({ ...embedded, jwt_secret: DEFAULT }, true)
    const b = checkJwtSecret({ ...embedded, jwt_secret: DEFAULT }, true)
    expect(a.generated).toBe(true)
    expect(a.secret).not.toBe(DEFAULT)
    expect(a.secret.length).toBeGreaterThanOrEqual(MIN_SECRET_CHARS)
    expect(a.secret).not.toBe(b.secret)
    expect(checkJwtSecret({ ...embedded, jwt_secret: 'a-dev-secret-16c' }, true)).toEqual({
      secret: 'a-dev-secret-16c',
      generated: false,
    })
  })

  it('refuses the default or a short secret on real infrastructure or for a role alone, naming the key but not the value', () => {
    const real = [
      { cfg: { ...embedded, kafka_brokers: ['127.0.0.1:9092'] }, all: true },
      { cfg: { ...embedded, mysql_url: 'mysql://root@127.0.0.1:3306/gochat' }, all: true },
      { cfg: { ...embedded, redis_url: 'redis://127.0.0.1:6379' }, all: true },
      { cfg: embedded, all: false },
    ]
    for (const { cfg, all } of real) {
      for (const secret of [DEFAULT, 'short-but-16-chars-ok']) {
        let message = ''
        try {
          checkJwtSecret({ ...cfg, jwt_secret: secret }, all)
        } catch (err) {
          message = (err as Error).message
        }
        expect(message).toMatch(/jwt_secret/)
        expect(message).toMatch(/GOCHAT_JWT_SECRET/)
        expect(message).toMatch(/--jwt-secret/)
        expect(message).not.toContain(secret)
      }
      expect(checkJwtSecret({ ...cfg, jwt_secret: good }, all)).toEqual({ secret: good, generated: false })
    }
  })
})
