import { describe, expect, it } from 'vitest'
import { redactUrl } from './redact.js'

describe('redactUrl', () => {
  it('hides the password of a URL, keeps the rest', () => {
    expect(redactUrl('redis://:s3cret@10.0.0.5:6379/2')).toBe('redis://:***@10.0.0.5:6379/2')
    expect(redactUrl('rediss://default:p%40ss@cache:6380')).toBe('rediss://default:***@cache:6380')
    expect(redactUrl('cannot reach mysql://gochat:hunter2@db:3306/gochat, retrying')).toBe(
      'cannot reach mysql://gochat:***@db:3306/gochat, retrying',
    )
  })

  it('leaves URLs without a password alone', () => {
    for (const u of ['redis://127.0.0.1:6379', 'mysql://root@127.0.0.1:3306/gochat', 'http://host:8080/x'])
      expect(redactUrl(u)).toBe(u)
  })
})
