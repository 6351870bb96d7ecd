// `npm run proto`: regenerates the typed TypeScript of proto/ into src/contracts/generated/ (committed; never edit
// by hand). The loader options here must match src/rpc/load.ts.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

const out = 'src/contracts/generated'
rmSync(out, { recursive: true, force: true })
execFileSync(
  'npx',
  [
    'proto-loader-gen-types',
    '--longs=Number',
    '--enums=String',
    '--defaults',
    '--oneofs',
    '--keepCase',
    '--grpcLib=@grpc/grpc-js',
    '--importFileExtension=.js',
    '--inputTemplate=%s',
    '--outputTemplate=%s__Output',
    '-I',
    'proto',
    '-O',
    out,
    'gochat/repo/v1/repo.proto',
    'gochat/logic/v1/logic.proto',
    'realchat/message/v1/message_api.proto',
  ],
  { stdio: 'inherit' },
)
