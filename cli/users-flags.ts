// The flags every `gochat users` command has to reach the deployment's store: --mysql (a base flag) or the
// --data-dir of a `gochat up`.
import { Flags } from '@oclif/core'

export const dataDirFlag = Flags.string({
  description: 'The data dir of a `gochat up --data-dir` deployment (its SQLite store); for MySQL give --mysql',
})
