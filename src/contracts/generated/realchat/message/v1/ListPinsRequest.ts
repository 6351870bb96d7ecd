// Original file: proto/realchat/message/v1/message_api.proto


export interface ListPinsRequest {
  'conversation_id'?: (string);
  'actor_user_id'?: (string);
}

export interface ListPinsRequest__Output {
  'conversation_id': (string);
  'actor_user_id': (string);
}
