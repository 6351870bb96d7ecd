// .gochat/infra-state.json remembers which components `infra up` started itself, so that `infra down` stops
// those and nothing else (a MariaDB or Redis that was already running belongs to someone else).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { stateFile } from './paths.js'
import type { ComponentName } from './types.js'

export interface StartedEntry {
  startedAt: string
  pid?: number | null
}

export type InfraState = Partial<Record<ComponentName, StartedEntry>>

export function readState(file = stateFile): InfraState {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as InfraState) : {}
  } catch {
    return {}
  }
}

function writeState(state: InfraState, file: string): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(state, null, 2) + '\n')
}

export function markStarted(name: ComponentName, pid: number | null, file = stateFile): void {
  writeState({ ...readState(file), [name]: { startedAt: new Date().toISOString(), pid } }, file)
}

export function markStopped(name: ComponentName, file = stateFile): void {
  const state = readState(file)
  delete state[name]
  writeState(state, file)
}

export const startedByUs = (name: ComponentName, file = stateFile): boolean => readState(file)[name] !== undefined
