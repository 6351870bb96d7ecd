// Original file: proto/realchat/message/v1/message_api.proto

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
