// oclif's command_not_found hook: `gochat topic list` suggests `gochat topics list` (the nearest command names
// by edit distance) and exits 2 like other usage errors; under --json the error is the usual JSON object.
// Our own few lines rather than @oclif/plugin-not-found, whose prompt needs @inquirer/prompts.
import type { Hook } from '@oclif/core'
import { describeError } from './base-command.js'
import { UsageError } from '../src/core/operator-errors.js'

/** Levenshtein distance */
export function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = row
  }
  return prev[b.length]!
}

/** up to three command names close to what was typed, nearest first */
export function suggest(typed: string, commands: string[]): string[] {
  const scored = commands.map((c) => [c, distance(typed, c)] as const).sort((x, y) => x[1] - y[1])
  const limit = Math.min(Math.max(2, Math.floor(typed.length / 3)), (scored[0]?.[1] ?? 0) + 1) // near, and nearly the nearest
  return scored
    .filter(([, d]) => d <= limit)
    .slice(0, 3)
    .map(([c]) => c)
}

const hook: Hook<'command_not_found'> = async function ({ id, argv, config }) {
  const typed = id.replace(/:/g, ' ')
  const near = suggest(
    typed,
    config.commandIDs.filter((c) => c !== 'help').map((c) => c.replace(/:/g, ' ')),
  )
  const err = new UsageError(
    `"${config.bin} ${typed}" is not a command`,
    near.length
      ? `did you mean ${near.map((c) => `\`${config.bin} ${c}\``).join(' or ')}?`
      : `see \`${config.bin} --help\``,
  )
  if ((argv ?? []).includes('--json')) process.stdout.write(`${JSON.stringify(describeError(err).json)}\n`)
  else process.stderr.write(`Error: ${err.message}\nHint: ${err.hint}\n`)
  this.exit(err.exitCode)
}

export default hook
