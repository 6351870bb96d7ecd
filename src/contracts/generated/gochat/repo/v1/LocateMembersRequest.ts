// Original file: proto/gochat/repo/v1/repo.proto


export interface LocateMembersRequest {
  'conversation_id'?: (string);
  'after_user_id'?: (string);
  'until_user_id'?: (string);
  'limit'?: (number);
}

export interface LocateMembersRequest__Output {
  'conversation_id': (string);
  'after_user_id': (string);
  'until_user_id': (string);
  'limit': (number);
}
