// Original file: proto/realchat/message/v1/message_api.proto

import type { Long } from '@grpc/proto-loader';

export interface SyncMessagesRequest {
  'conversation_id'?: (string);
  'after_sequence'?: (number | string | Long);
  'page_size'?: (number);
  'actor_user_id'?: (string);
}

export interface SyncMessagesRequest__Output {
  'conversation_id': (string);
  'after_sequence': (number);
  'page_size': (number);
  'actor_user_id': (string);
}
