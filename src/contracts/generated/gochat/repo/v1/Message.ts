// Original file: proto/gochat/repo/v1/repo.proto

import type { Long } from '@grpc/proto-loader';

export interface Message {
  'message_id'?: (string);
  'conversation_id'?: (string);
  'seq'?: (number | string | Long);
  'sender_id'?: (string);
  'content'?: (string);
  'sent_at'?: (number | string | Long);
  'status'?: (string);
  'idempotency_key'?: (string);
}

export interface Message__Output {
  'message_id': (string);
  'conversation_id': (string);
  'seq': (number);
  'sender_id': (string);
  'content': (string);
  'sent_at': (number);
  'status': (string);
  'idempotency_key': (string);
}
