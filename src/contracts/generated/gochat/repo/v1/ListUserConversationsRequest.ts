// Original file: proto/gochat/repo/v1/repo.proto


export interface ListUserConversationsRequest {
  'user_id'?: (string);
}

export interface ListUserConversationsRequest__Output {
  'user_id': (string);
}
