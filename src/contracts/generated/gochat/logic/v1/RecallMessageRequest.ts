// Original file: proto/gochat/logic/v1/logic.proto


export interface RecallMessageRequest {
  'user_id'?: (string);
  'conversation_id'?: (string);
  'message_id'?: (string);
}

export interface RecallMessageRequest__Output {
  'user_id': (string);
  'conversation_id': (string);
  'message_id': (string);
}
