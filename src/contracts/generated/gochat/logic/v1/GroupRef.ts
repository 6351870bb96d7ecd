// Original file: proto/gochat/logic/v1/moderation.proto


export interface GroupRef {
  'user_id'?: (string);
  'conversation_id'?: (string);
}

export interface GroupRef__Output {
  'user_id': (string);
  'conversation_id': (string);
}
