// Original file: proto/gochat/repo/v1/repo.proto


export interface GetUserRequest {
  'user_id'?: (string);
  'username'?: (string);
}

export interface GetUserRequest__Output {
  'user_id': (string);
  'username': (string);
}
