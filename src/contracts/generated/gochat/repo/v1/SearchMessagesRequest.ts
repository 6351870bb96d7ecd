// Original file: proto/gochat/repo/v1/repo.proto

import type { Long } from '@grpc/proto-loader';

export interface SearchMessagesRequest {
  'user_id'?: (string);
  'terms'?: (string)[];
  'conversation_id'?: (string);
  'before_sent_at'?: (number | string | Long);
  'before_conversation_id'?: (string);
  'before_seq'?: (number | string | Long);
  'limit'?: (number);
}

export interface SearchMessagesRequest__Output {
  'user_id': (string);
  'terms': (string)[];
  'conversation_id': (string);
  'before_sent_at': (number);
  'before_conversation_id': (string);
  'before_seq': (number);
  'limit': (number);
}
