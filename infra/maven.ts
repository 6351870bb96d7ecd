// Jars from Maven Central for the engines `gochat infra` runs from a pom (Kafka, S3Proxy): `mvn dependency:
// copy-dependencies` into a git-ignored libs/ folder, only when it is missing or its pom changed since the last
// copy (the pom's sha256 is kept in libs/.pom.sha256). The jars land in a scratch folder that is swapped in whole,
// so jars of an old version never stay on the classpath.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { needsCopyDependencies, sha256 } from './kafka-config.js'
import { repoRoot } from './paths.js'
import { run } from './proc.js'
import type { Progress } from './types.js'

export interface JarSet {
  /** what the jars are for, in messages: "Kafka", "S3Proxy" */
  what: string
  pom: string
  libs: string
  /** a scratch folder beside the state of the engine */
  partial: string
  /** whether libs/ already holds the engine's main jar */
  hasMainJar: () => boolean
}

export async function copyJars(set: JarSet, progress: Progress): Promise<{ copied: boolean; ms: number }> {
  const start = Date.now()
  const hashFile = join(set.libs, '.pom.sha256')
  const pom = readFileSync(set.pom, 'utf8')
  const recorded = existsSync(hashFile) ? readFileSync(hashFile, 'utf8') : null
  if (!needsCopyDependencies(pom, recorded, set.hasMainJar())) return { copied: false, ms: 0 }
  progress(`fetching ${set.what} jars with Maven into ${set.libs} (first run: 10–30 s)…`)
  rmSync(set.partial, { recursive: true, force: true })
  mkdirSync(dirname(set.partial), { recursive: true })
  // -B: batch mode (no TTY progress bars, no interactive prompts) — CI has no terminal
  const args = ['-B', '-q', '-f', set.pom, 'dependency:copy-dependencies', `-DoutputDirectory=${set.partial}`]
  const res = await run('mvn', [...args, '-DincludeScope=runtime'], { cwd: repoRoot }).catch((err: Error) => {
    throw new Error(
      `${err.message}: Maven is needed to fetch ${set.what} (apt-get install -y maven openjdk-17-jre-headless)`,
    )
  })
  if (res.code !== 0)
    throw new Error(
      `mvn dependency:copy-dependencies failed (exit ${res.code}):\n${res.output.trim().split('\n').slice(-20).join('\n')}`,
    )
  rmSync(set.libs, { recursive: true, force: true })
  renameSync(set.partial, set.libs)
  writeFileSync(hashFile, sha256(pom) + '\n')
  return { copied: true, ms: Date.now() - start }
}
