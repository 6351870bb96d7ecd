// Original file: proto/gochat/logic/v1/logic.proto


export interface TypingRequest {
  'user_id'?: (string);
  'conversation_id'?: (string);
}

export interface TypingRequest__Output {
  'user_id': (string);
  'conversation_id': (string);
}
