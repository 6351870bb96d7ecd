// Original file: proto/gochat/repo/v1/moderation.proto

import type { Long } from '@grpc/proto-loader';

export interface BanEntry {
  'conversation_id'?: (string);
  'user_id'?: (string);
  'banned_by'?: (string);
  'created_at'?: (number | string | Long);
}

export interface BanEntry__Output {
  'conversation_id': (string);
  'user_id': (string);
  'banned_by': (string);
  'created_at': (number);
}
