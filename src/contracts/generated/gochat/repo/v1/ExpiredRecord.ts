// Original file: proto/gochat/repo/v1/repo.proto

import type { Long } from '@grpc/proto-loader';

export interface ExpiredRecord {
  'conversation_id'?: (string);
  'message_id'?: (string);
  'seq'?: (number | string | Long);
  'attachment_id'?: (string);
}

export interface ExpiredRecord__Output {
  'conversation_id': (string);
  'message_id': (string);
  'seq': (number);
  'attachment_id': (string);
}
