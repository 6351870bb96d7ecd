// Original file: proto/gochat/logic/v1/moderation.proto

import type { Long } from '@grpc/proto-loader';

export interface BannedUser {
  'user_id'?: (string);
  'banned_by'?: (string);
  'banned_at'?: (number | string | Long);
}

export interface BannedUser__Output {
  'user_id': (string);
  'banned_by': (string);
  'banned_at': (number);
}
