// Original file: proto/gochat/logic/v1/logic.proto

import type { Long } from '@grpc/proto-loader';

export interface ConversationSummary {
  'conversation_id'?: (string);
  'kind'?: (string);
  'name'?: (string);
  'last_seq'?: (number | string | Long);
  'read_seq'?: (number | string | Long);
  'role'?: (string);
  'announcement'?: (string);
  'peer_user_id'?: (string);
  'peer_display_name'?: (string);
  'peer_read_seq'?: (number | string | Long);
  'muted'?: (boolean);
}

export interface ConversationSummary__Output {
  'conversation_id': (string);
  'kind': (string);
  'name': (string);
  'last_seq': (number);
  'read_seq': (number);
  'role': (string);
  'announcement': (string);
  'peer_user_id': (string);
  'peer_display_name': (string);
  'peer_read_seq': (number);
  'muted': (boolean);
}
