// Original file: proto/gochat/repo/v1/repo.proto

import type { Conversation as _gochat_repo_v1_Conversation, Conversation__Output as _gochat_repo_v1_Conversation__Output } from '../../../gochat/repo/v1/Conversation.js';
import type { Long } from '@grpc/proto-loader';

export interface ConversationView {
  'conversation'?: (_gochat_repo_v1_Conversation | null);
  'read_seq'?: (number | string | Long);
  'role'?: (string);
  'peer_user_id'?: (string);
  'peer_read_seq'?: (number | string | Long);
}

export interface ConversationView__Output {
  'conversation': (_gochat_repo_v1_Conversation__Output | null);
  'read_seq': (number);
  'role': (string);
  'peer_user_id': (string);
  'peer_read_seq': (number);
}
