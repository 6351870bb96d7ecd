// Original file: proto/gochat/repo/v1/repo.proto


export interface ListMembersRequest {
  'conversation_id'?: (string);
  'after_user_id'?: (string);
  'limit'?: (number);
}

export interface ListMembersRequest__Output {
  'conversation_id': (string);
  'after_user_id': (string);
  'limit': (number);
}
