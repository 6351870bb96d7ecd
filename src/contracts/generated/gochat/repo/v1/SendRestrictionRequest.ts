// Original file: proto/gochat/repo/v1/moderation.proto


export interface SendRestrictionRequest {
  'conversation_id'?: (string);
  'sender_id'?: (string);
}

export interface SendRestrictionRequest__Output {
  'conversation_id': (string);
  'sender_id': (string);
}
