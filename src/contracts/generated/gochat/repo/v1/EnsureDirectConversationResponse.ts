// Original file: proto/gochat/repo/v1/repo.proto

import type { Conversation as _gochat_repo_v1_Conversation, Conversation__Output as _gochat_repo_v1_Conversation__Output } from '../../../gochat/repo/v1/Conversation.js';

export interface EnsureDirectConversationResponse {
  'conversation'?: (_gochat_repo_v1_Conversation | null);
  'created'?: (boolean);
}

export interface EnsureDirectConversationResponse__Output {
  'conversation': (_gochat_repo_v1_Conversation__Output | null);
  'created': (boolean);
}
