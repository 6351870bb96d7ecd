// Original file: proto/gochat/logic/v1/logic.proto

import type { Long } from '@grpc/proto-loader';

export interface MarkReadRequest {
  'user_id'?: (string);
  'conversation_id'?: (string);
  'seq'?: (number | string | Long);
}

export interface MarkReadRequest__Output {
  'user_id': (string);
  'conversation_id': (string);
  'seq': (number);
}
