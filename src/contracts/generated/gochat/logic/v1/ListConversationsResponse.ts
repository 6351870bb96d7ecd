// Original file: proto/gochat/logic/v1/logic.proto

import type { ConversationSummary as _gochat_logic_v1_ConversationSummary, ConversationSummary__Output as _gochat_logic_v1_ConversationSummary__Output } from '../../../gochat/logic/v1/ConversationSummary.js';

export interface ListConversationsResponse {
  'conversations'?: (_gochat_logic_v1_ConversationSummary)[];
}

export interface ListConversationsResponse__Output {
  'conversations': (_gochat_logic_v1_ConversationSummary__Output)[];
}
