// Original file: proto/gochat/repo/v1/repo.proto

import type { Long } from '@grpc/proto-loader';

export interface SyncMessagesRequest {
  'conversation_id'?: (string);
  'after_seq'?: (number | string | Long);
  'limit'?: (number);
}

export interface SyncMessagesRequest__Output {
  'conversation_id': (string);
  'after_seq': (number);
  'limit': (number);
}
