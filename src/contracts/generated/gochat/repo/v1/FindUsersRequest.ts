// Original file: proto/gochat/repo/v1/repo.proto


export interface FindUsersRequest {
  'user_ids'?: (string)[];
}

export interface FindUsersRequest__Output {
  'user_ids': (string)[];
}
