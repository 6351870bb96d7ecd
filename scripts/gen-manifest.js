// `npm run manifest`: writes oclif.manifest.json, the list of gochat's commands with their flags and help. With it,
// a `gochat` start loads the one command it runs instead of every command module (and through them most of the
// tree): 3–5 s less per invocation here. cli/manifest.test.ts fails when the file no longer matches the commands.
// Usage: node scripts/gen-manifest.js [--check]
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Plugin } from '@oclif/core'
import { register } from 'tsx/esm/api'

register()
const root = join(import.meta.dirname, '..')
const file = join(root, 'oclif.manifest.json')

/** the manifest of this package's commands, as oclif would build it at start without the file */
export async function buildManifest() {
  const plugin = new Plugin({
    root,
    type: 'core',
    ignoreManifest: true,
    errorOnManifestCreate: true,
    respectNoCacheDefault: true,
  })
  await plugin.load()
  // the command files are found by a glob whose order varies: sorted, so that the file is the same on every run
  const { commands, ...rest } = plugin.manifest
  const sorted = Object.fromEntries(
    Object.keys(commands)
      .sort()
      .map((id) => [id, commands[id]]),
  )
  return `${JSON.stringify({ ...rest, commands: sorted }, null, 2)}\n`
}

if (process.argv[1] === import.meta.filename) {
  const manifest = await buildManifest()
  if (process.argv.includes('--check')) {
    let current = ''
    try {
      current = readFileSync(file, 'utf8')
    } catch {}
    if (current !== manifest) {
      console.error('oclif.manifest.json is stale: run `npm run manifest` and commit it')
      process.exit(1)
    }
  } else {
    writeFileSync(file, manifest)
    console.log(`oclif.manifest.json: ${Object.keys(JSON.parse(manifest).commands).length} commands`)
  }
}
