// Original file: proto/realchat/message/v1/message_api.proto


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
