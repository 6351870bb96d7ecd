// Original file: proto/gochat/repo/v1/repo.proto


export interface GetMemberRequest {
  'conversation_id'?: (string);
  'user_id'?: (string);
}

export interface GetMemberRequest__Output {
  'conversation_id': (string);
  'user_id': (string);
}
