// Original file: proto/gochat/repo/v1/moderation.proto


export interface ConversationMuteRequest {
  'user_id'?: (string);
  'conversation_id'?: (string);
  'muted'?: (boolean);
}

export interface ConversationMuteRequest__Output {
  'user_id': (string);
  'conversation_id': (string);
  'muted': (boolean);
}
