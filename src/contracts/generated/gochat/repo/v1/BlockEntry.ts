// Original file: proto/gochat/repo/v1/moderation.proto

import type { Long } from '@grpc/proto-loader';

export interface BlockEntry {
  'user_id'?: (string);
  'blocked_id'?: (string);
  'created_at'?: (number | string | Long);
}

export interface BlockEntry__Output {
  'user_id': (string);
  'blocked_id': (string);
  'created_at': (number);
}
