// One classification of errors for every command: what exit code and JSON code each kind gets.
import { Errors } from '@oclif/core'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../src/client/rest.js'
import { ConfigError } from '../src/config/index.js'
import { UnreachableError, UsageError } from '../src/core/operator-errors.js'
import { describeError } from './base-command.js'

const described = (err: Error) => {
  const { exitCode, json } = describeError(err)
  return [exitCode, json.error.code]
}

describe('describeError', () => {
  it.each([
    ['our own usage error', new UsageError('bad'), [2, 'usage']],
    ['our own unreachable error', new UnreachableError('down'), [3, 'unreachable']],
    ['a configuration error', new ConfigError('invalid gateway_port'), [2, 'usage']],
    ['a gateway refusing a secret', new ApiError(403, 'forbidden', 'admin secret does not match'), [2, 'usage']],
    ['a gateway without the thing', new ApiError(404, 'not_found', 'no such conversation'), [2, 'not_found']],
    ['a gateway that is not serving', new ApiError(503, 'unavailable', 'logic down'), [3, 'unreachable']],
    ["oclif's parse error", new Errors.CLIError('Unexpected argument: x', { exit: 2 }), [2, 'usage']],
    ['this.error(…, {exit: 3})', new Errors.CLIError('cluster did not start', { exit: 3 }), [3, 'unreachable']],
    ['this.error(…, {exit: 1})', new Errors.CLIError('not confirmed; nothing deleted', { exit: 1 }), [1, 'failed']],
    ['anything else: a bug', new TypeError('x is undefined'), [1, 'internal']],
  ])('%s', (_what, err, expected) => {
    expect(described(err)).toEqual(expected)
  })

  it('keeps the message without an "Error: " prefix and carries the hint', () => {
    expect(describeError(new UsageError('no admin secret', 'give --admin-secret')).json).toEqual({
      error: { code: 'usage', message: 'no admin secret', hint: 'give --admin-secret' },
    })
  })
})
