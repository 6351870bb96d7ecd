// Original file: proto/realchat/message/v1/message_api.proto

import type { Long } from '@grpc/proto-loader';

export interface Message {
  'message_id'?: (string);
  'conversation_id'?: (string);
  'seq'?: (number | string | Long);
  'sender_user_id'?: (string);
  'content'?: (string);
  'sent_at'?: (number | string | Long);
  'status'?: (string);
}

export interface Message__Output {
  'message_id': (string);
  'conversation_id': (string);
  'seq': (number);
  'sender_user_id': (string);
  'content': (string);
  'sent_at': (number);
  'status': (string);
}
