// Original file: proto/gochat/repo/v1/moderation.proto


export interface UsersAmongResponse {
  'user_ids'?: (string)[];
}

export interface UsersAmongResponse__Output {
  'user_ids': (string)[];
}
