// Name rules, once for every side: logic checks what clients send, repo checks again before storing, and the
// stores key usernames by their normalized form, so that "Alice", "alice" and "ａｌｉｃｅ" (full-width) are one
// name. Invisible characters (zero-width, bidi controls such as U+202E, other format characters, fillers that
// render as nothing) let two names look alike or a name look empty: usernames refuse them, display names lose them.
import { AppError } from '../core/errors.js'

/** The key a username is unique and found by: NFKC (compatibility forms folded), then lower case. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').toLowerCase().normalize('NFKC')
}

// controls, format characters (zero-width space/joiners, bidi embeddings, overrides and isolates, BOM, soft
// hyphen), default-ignorables (variation selectors, Hangul fillers, …), line/paragraph separators, braille blank
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\u2800]/u
// the same, except a zero-width joiner or emoji variation selector right after an emoji: they build one emoji
// from several (family emoji, a red heart); stripped in a second pass if what remains has nothing visible before it
const STRIP =
  /(?<!\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)[\u200D\uFE0F]|(?![\u200D\uFE0F])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\u2800]/gu

export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text)
}

/** invalid_name when a username holds an invisible character; other shape rules are the caller's */
export function refuseInvisibleUsername(username: string): string {
  if (hasInvisible(username))
    throw new AppError(
      'invalid_name',
      'username must not contain invisible characters (zero-width, bidi controls, other format characters)',
    )
  return username
}

/**
 * A display name as stored: invisible characters removed (joiners inside emoji kept), trimmed. invalid_name when
 * nothing visible is left of a name that was not blank to begin with; '' for a blank one (the caller decides
 * whether that is allowed).
 */
export function cleanDisplayName(name: string, field = 'displayName'): string {
  let cleaned = name
  for (let prev = ''; prev !== cleaned; ) {
    prev = cleaned
    cleaned = cleaned.replace(STRIP, '')
  }
  cleaned = cleaned.trim()
  if (cleaned === '' && name.trim() !== '')
    throw new AppError('invalid_name', `${field} has nothing visible once invisible characters are removed`)
  return cleaned
}
