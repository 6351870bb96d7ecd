// `npm run lint:size`: no TypeScript source file, nor a module of the web page, over 400 lines. A file that grows past it holds more than one concern: split
// it by concern (as the stores and the repo service are), don't raise the limit. Tests (*.test.ts and test/) and
// generated code are exempt. Usage: node scripts/check-file-size.js [root]
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const MAX_LINES = 400
const DIRS = ['cli', 'runtime', 'services', 'src', 'bench', 'infra', 'web']
const EXEMPT = /(^|\/)node_modules\/|^test\/|\.test\.ts$|\.d\.ts$|^src\/contracts\/generated\/|^infra\/kafka\//

function* sources(root, dir) {
  let entries
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true })
  } catch {
    return // a layer this tree does not have
  }
  for (const e of entries) {
    const path = `${dir}/${e.name}`
    if (EXEMPT.test(path)) continue
    if (e.isDirectory()) yield* sources(root, path)
    else if (e.name.endsWith('.ts') || (dir.startsWith('web') && e.name.endsWith('.js'))) yield path
  }
}

const root = process.argv[2] ?? '.'
const over = []
for (const dir of DIRS)
  for (const path of sources(root, dir)) {
    const lines = readFileSync(join(root, path), 'utf8').split('\n').length - 1
    if (lines > MAX_LINES) over.push(`${relative('.', join(root, path))}: ${lines} lines`)
  }
if (over.length) {
  console.error(`over ${MAX_LINES} lines (split by concern):\n  ${over.join('\n  ')}`)
  process.exit(1)
}
