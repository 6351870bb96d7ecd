// Original file: proto/gochat/logic/v1/logic.proto


export interface ListGroupMembersRequest {
  'user_id'?: (string);
  'conversation_id'?: (string);
  'after_user_id'?: (string);
  'limit'?: (number);
}

export interface ListGroupMembersRequest__Output {
  'user_id': (string);
  'conversation_id': (string);
  'after_user_id': (string);
  'limit': (number);
}
