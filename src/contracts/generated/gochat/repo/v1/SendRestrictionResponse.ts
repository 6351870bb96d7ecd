// Original file: proto/gochat/repo/v1/moderation.proto

import type { Long } from '@grpc/proto-loader';

export interface SendRestrictionResponse {
  'blocked'?: (boolean);
  'muted_until'?: (number | string | Long);
}

export interface SendRestrictionResponse__Output {
  'blocked': (boolean);
  'muted_until': (number);
}
