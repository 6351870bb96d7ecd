// Original file: proto/gochat/repo/v1/repo.proto

import type { ConversationView as _gochat_repo_v1_ConversationView, ConversationView__Output as _gochat_repo_v1_ConversationView__Output } from '../../../gochat/repo/v1/ConversationView.js';

export interface ListUserConversationsResponse {
  'conversations'?: (_gochat_repo_v1_ConversationView)[];
}

export interface ListUserConversationsResponse__Output {
  'conversations': (_gochat_repo_v1_ConversationView__Output)[];
}
