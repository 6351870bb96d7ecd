// Loads the .proto contracts at run time. The options must match scripts/gen-proto.js so that the generated
// types describe exactly what the loader produces (numbers for int64, defaults filled in, snake_case kept).
import { loadSync } from '@grpc/proto-loader'
import { loadPackageDefinition } from '@grpc/grpc-js'
import { fileURLToPath } from 'node:url'
import type { ProtoGrpcType as RepoProto } from '../contracts/generated/repo.js'
import type { ProtoGrpcType as LogicProto } from '../contracts/generated/logic.js'
import type { ProtoGrpcType as MessageApiProto } from '../contracts/generated/message_api.js'

const protoDir = fileURLToPath(new URL('../../proto', import.meta.url))
const options = { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, includeDirs: [protoDir] }

function load<T>(file: string): T {
  return loadPackageDefinition(loadSync(file, options)) as unknown as T
}

let cache: { repo: RepoProto; logic: LogicProto; messageApi: MessageApiProto } | undefined

export function protos() {
  cache ??= {
    repo: load<RepoProto>('gochat/repo/v1/repo.proto'),
    logic: load<LogicProto>('gochat/logic/v1/logic.proto'),
    messageApi: load<MessageApiProto>('realchat/message/v1/message_api.proto'),
  }
  return cache
}
