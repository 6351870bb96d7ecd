// One error type crosses every boundary: thrown by logic/repo, carried over gRPC (status + code metadata),
// and rendered by the gateway as docs/protocol.md's {"error":{"code","message"}} with a fitting HTTP status.
import { status as GrpcStatus } from '@grpc/grpc-js'

const kinds = {
  bad_request: { http: 400, grpc: GrpcStatus.INVALID_ARGUMENT },
  bad_frame: { http: 400, grpc: GrpcStatus.INVALID_ARGUMENT },
  invalid_name: { http: 400, grpc: GrpcStatus.INVALID_ARGUMENT },
  unauthorized: { http: 401, grpc: GrpcStatus.UNAUTHENTICATED },
  invalid_token: { http: 401, grpc: GrpcStatus.UNAUTHENTICATED },
  invalid_credentials: { http: 401, grpc: GrpcStatus.UNAUTHENTICATED },
  forbidden: { http: 403, grpc: GrpcStatus.PERMISSION_DENIED },
  not_member: { http: 403, grpc: GrpcStatus.PERMISSION_DENIED },
  not_admin: { http: 403, grpc: GrpcStatus.PERMISSION_DENIED },
  not_sender: { http: 403, grpc: GrpcStatus.PERMISSION_DENIED },
  // moderation: the two users block each other; a group admin muted the sender
  blocked: { http: 403, grpc: GrpcStatus.PERMISSION_DENIED },
  muted: { http: 403, grpc: GrpcStatus.PERMISSION_DENIED },
  banned: { http: 403, grpc: GrpcStatus.PERMISSION_DENIED },
  not_found: { http: 404, grpc: GrpcStatus.NOT_FOUND },
  conflict: { http: 409, grpc: GrpcStatus.ALREADY_EXISTS },
  username_taken: { http: 409, grpc: GrpcStatus.ALREADY_EXISTS },
  already_exists: { http: 409, grpc: GrpcStatus.ALREADY_EXISTS },
  too_large: { http: 413, grpc: GrpcStatus.RESOURCE_EXHAUSTED },
  rate_limited: { http: 429, grpc: GrpcStatus.RESOURCE_EXHAUSTED },
  quota_exceeded: { http: 413, grpc: GrpcStatus.RESOURCE_EXHAUSTED },
  unsupported_media_type: { http: 415, grpc: GrpcStatus.INVALID_ARGUMENT },
  upload_incomplete: { http: 409, grpc: GrpcStatus.FAILED_PRECONDITION },
  url_expired: { http: 403, grpc: GrpcStatus.PERMISSION_DENIED },
  unavailable: { http: 503, grpc: GrpcStatus.UNAVAILABLE },
  internal: { http: 500, grpc: GrpcStatus.INTERNAL },
} as const

export type ErrorCode = keyof typeof kinds

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** for rate_limited and unavailable: when the client may try again (HTTP Retry-After, body `retryAfter`) */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
    this.name = 'AppError'
  }

  get httpStatus(): number {
    return kinds[this.code].http
  }

  get grpcStatus(): number {
    return kinds[this.code].grpc
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.retryAfterSeconds ? { retryAfter: this.retryAfterSeconds } : {}),
      },
    }
  }
}

export const isErrorCode = (code: string): code is ErrorCode => code in kinds

/** Maps a gRPC status without gochat's code metadata (e.g. the server is down) to an error code. */
export function codeForGrpcStatus(status: number): ErrorCode {
  if (status === GrpcStatus.UNAVAILABLE || status === GrpcStatus.DEADLINE_EXCEEDED) return 'unavailable'
  const found = (Object.keys(kinds) as ErrorCode[]).find((k) => kinds[k].grpc === status)
  return found ?? 'internal'
}
