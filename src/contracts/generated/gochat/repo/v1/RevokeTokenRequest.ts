// Original file: proto/gochat/repo/v1/repo.proto

import type { Long } from '@grpc/proto-loader';

export interface RevokeTokenRequest {
  'jti'?: (string);
  'expires_at'?: (number | string | Long);
}

export interface RevokeTokenRequest__Output {
  'jti': (string);
  'expires_at': (number);
}
