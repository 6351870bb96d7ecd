// Original file: proto/gochat/repo/v1/repo.proto


export interface SearchUsersRequest {
  'prefix'?: (string);
  'after_user_id'?: (string);
  'limit'?: (number);
}

export interface SearchUsersRequest__Output {
  'prefix': (string);
  'after_user_id': (string);
  'limit': (number);
}
