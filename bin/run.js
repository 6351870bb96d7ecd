#!/usr/bin/env node
// The `gochat` entry. Sources are TypeScript, loaded through tsx so that there is no build step to forget.
import { register } from 'tsx/esm/api'
import { execute } from '@oclif/core'

register()
await execute({ dir: import.meta.url })
