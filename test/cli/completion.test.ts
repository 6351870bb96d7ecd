// `gochat completion bash`: the printed script, sourced in a real bash, completes commands, topics and flags.
import { execFileSync, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const hasBash = spawnSync('bash', ['--version']).status === 0

describe.skipIf(!hasBash)('gochat completion bash', () => {
  const script = execFileSync(process.execPath, ['bin/run.js', 'completion', 'bash'], { cwd: root, encoding: 'utf8' })
  /** what bash offers after these words (a trailing space: a new empty word) */
  const complete = (line: string) => {
    const words = line.split(' ')
    const cmd = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _gochat; printf '%s\\n' "\${COMPREPLY[@]}"`
    return spawnSync('bash', ['-c', cmd], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean)
  }

  it('completes topics, commands and flags', () => {
    expect(complete('gochat top')).toEqual(['topics'])
    expect(complete('gochat topics ')).toEqual(['create', 'delete', 'describe', 'list'])
    expect(complete('gochat groups reset g --to-')).toEqual([
      '--to-datetime',
      '--to-earliest',
      '--to-latest',
      '--to-offset',
    ])
    expect(complete('gochat tail user-events --fr')).toEqual(['--from-beginning'])
    expect(complete('gochat co')).toEqual(['completion', 'context'])
  })
})
