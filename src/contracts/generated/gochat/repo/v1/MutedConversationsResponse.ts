// Original file: proto/gochat/repo/v1/moderation.proto


export interface MutedConversationsResponse {
  'conversation_ids'?: (string)[];
}

export interface MutedConversationsResponse__Output {
  'conversation_ids': (string)[];
}
