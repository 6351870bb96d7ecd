// Original file: proto/gochat/repo/v1/repo.proto

import type { Long } from '@grpc/proto-loader';

export interface Conversation {
  'conversation_id'?: (string);
  'kind'?: (string);
  'name'?: (string);
  'announcement'?: (string);
  'last_seq'?: (number | string | Long);
  'member_count'?: (number);
  'created_at'?: (number | string | Long);
}

export interface Conversation__Output {
  'conversation_id': (string);
  'kind': (string);
  'name': (string);
  'announcement': (string);
  'last_seq': (number);
  'member_count': (number);
  'created_at': (number);
}
