// Original file: proto/gochat/repo/v1/repo.proto

import type { Long } from '@grpc/proto-loader';

export interface Member {
  'conversation_id'?: (string);
  'user_id'?: (string);
  'role'?: (string);
  'joined_at'?: (number | string | Long);
}

export interface Member__Output {
  'conversation_id': (string);
  'user_id': (string);
  'role': (string);
  'joined_at': (number);
}
