// Original file: proto/realchat/message/v1/message_api.proto


export interface DeleteMessageRequest {
  'conversation_id'?: (string);
  'message_id'?: (string);
  'actor_user_id'?: (string);
  'hard'?: (boolean);
}

export interface DeleteMessageRequest__Output {
  'conversation_id': (string);
  'message_id': (string);
  'actor_user_id': (string);
  'hard': (boolean);
}
