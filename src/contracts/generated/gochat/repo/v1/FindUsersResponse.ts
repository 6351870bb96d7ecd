// Original file: proto/gochat/repo/v1/repo.proto


export interface FindUsersResponse {
  'found_user_ids'?: (string)[];
}

export interface FindUsersResponse__Output {
  'found_user_ids': (string)[];
}
