// Promise-shaped service APIs derived from the generated gRPC definitions. A role implements the API as a plain
// object; `--role=all` calls that object in process, separate processes reach it through src/rpc/{server,client}.ts.
import type { MethodDefinition } from '@grpc/proto-loader'
import type { RepoServiceDefinition } from '../contracts/generated/gochat/repo/v1/RepoService.js'
import type { LogicServiceDefinition } from '../contracts/generated/gochat/logic/v1/LogicService.js'
import type { MessageApiDefinition } from '../contracts/generated/realchat/message/v1/MessageApi.js'

// `as` drops the index signature that the generated definitions inherit from grpc's ServiceDefinition.
export type ApiOf<D> = {
  [K in keyof D as string extends K ? never : K]: D[K] extends MethodDefinition<
    infer Req,
    infer _Res,
    infer _ReqOut,
    infer ResOut
  >
    ? (req: Req) => Promise<ResOut>
    : never
}

export type RepoApi = ApiOf<RepoServiceDefinition>
export type LogicApi = ApiOf<LogicServiceDefinition>
export type MessageApi = ApiOf<MessageApiDefinition>
