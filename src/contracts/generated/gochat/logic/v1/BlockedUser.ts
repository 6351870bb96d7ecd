// Original file: proto/gochat/logic/v1/moderation.proto

import type { Long } from '@grpc/proto-loader';

export interface BlockedUser {
  'user_id'?: (string);
  'display_name'?: (string);
  'blocked_at'?: (number | string | Long);
}

export interface BlockedUser__Output {
  'user_id': (string);
  'display_name': (string);
  'blocked_at': (number);
}
