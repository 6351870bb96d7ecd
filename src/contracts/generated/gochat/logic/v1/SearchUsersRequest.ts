// Original file: proto/gochat/logic/v1/logic.proto


export interface SearchUsersRequest {
  'user_id'?: (string);
  'query'?: (string);
  'after_user_id'?: (string);
  'limit'?: (number);
}

export interface SearchUsersRequest__Output {
  'user_id': (string);
  'query': (string);
  'after_user_id': (string);
  'limit': (number);
}
