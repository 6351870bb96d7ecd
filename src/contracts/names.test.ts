import { describe, expect, it } from 'vitest'
import { AppError } from '../core/errors.js'
import { cleanDisplayName, hasInvisible, normalizeUsername, refuseInvisibleUsername } from './names.js'

const code = (f: () => unknown) => {
  try {
    f()
    return 'ok'
  } catch (err) {
    return err instanceof AppError ? err.code : String(err)
  }
}

describe('name rules', () => {
  it('normalizes usernames by NFKC and case, so look-alikes are one name', () => {
    expect(normalizeUsername('Alice')).toBe('alice')
    expect(normalizeUsername('ALICE')).toBe(normalizeUsername('alice'))
    expect(normalizeUsername('ａｌｉｃｅ')).toBe('alice') // full-width
    expect(normalizeUsername('ﬁsh')).toBe('fish') // ligature
    expect(normalizeUsername('Åsa')).toBe(normalizeUsername('A\u030Asa')) // composed and decomposed
    expect(normalizeUsername('bob')).not.toBe(normalizeUsername('bób'))
  })

  it('refuses invisible characters in usernames with invalid_name', () => {
    for (const bad of ['a\u200Bb', 'ab\u202E', '\u2066ab', 'a\uFEFFb', 'a\u00ADb', 'a\u3164b', 'a\u2800b', 'a\u0007b'])
      expect(
        code(() => refuseInvisibleUsername(bad)),
        JSON.stringify(bad),
      ).toBe('invalid_name')
    expect(refuseInvisibleUsername('alice.b-2')).toBe('alice.b-2')
    expect(hasInvisible('Ann Lee')).toBe(false)
  })

  it('strips invisible characters from display names, keeps emoji joiners, refuses names left empty', () => {
    expect(cleanDisplayName('  Ann\u200B Lee ')).toBe('Ann Lee')
    expect(cleanDisplayName('evil\u202Etxt.exe')).toBe('eviltxt.exe')
    expect(cleanDisplayName('family 👨\u200D👩\u200D👧')).toBe('family 👨\u200D👩\u200D👧')
    expect(cleanDisplayName('love ❤\uFE0F')).toBe('love ❤\uFE0F')
    expect(cleanDisplayName('a\u200D')).toBe('a')
    for (const empty of ['\u200B', '\u200B\u200C\u200D', '\u202E', '\uFE0F\u200D', ' \u2066 \u2069 ', '\u3164'])
      expect(
        code(() => cleanDisplayName(empty)),
        JSON.stringify(empty),
      ).toBe('invalid_name')
    // blank is the caller's to refuse or replace
    expect(cleanDisplayName('   ')).toBe('')
  })
})
