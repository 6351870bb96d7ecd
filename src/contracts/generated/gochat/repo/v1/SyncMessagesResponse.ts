// Original file: proto/gochat/repo/v1/repo.proto

import type { Message as _gochat_repo_v1_Message, Message__Output as _gochat_repo_v1_Message__Output } from '../../../gochat/repo/v1/Message.js';

export interface SyncMessagesResponse {
  'messages'?: (_gochat_repo_v1_Message)[];
  'has_more'?: (boolean);
}

export interface SyncMessagesResponse__Output {
  'messages': (_gochat_repo_v1_Message__Output)[];
  'has_more': (boolean);
}
