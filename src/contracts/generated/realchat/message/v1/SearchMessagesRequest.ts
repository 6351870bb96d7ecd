// Original file: proto/realchat/message/v1/message_api.proto


export interface SearchMessagesRequest {
  'actor_user_id'?: (string);
  'query'?: (string);
  'conversation_id'?: (string);
  'cursor'?: (string);
  'page_size'?: (number);
}

export interface SearchMessagesRequest__Output {
  'actor_user_id': (string);
  'query': (string);
  'conversation_id': (string);
  'cursor': (string);
  'page_size': (number);
}
