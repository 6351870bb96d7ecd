// Original file: proto/gochat/logic/v1/moderation.proto


export interface MuteConversationRequest {
  'user_id'?: (string);
  'conversation_id'?: (string);
  'muted'?: (boolean);
}

export interface MuteConversationRequest__Output {
  'user_id': (string);
  'conversation_id': (string);
  'muted': (boolean);
}
