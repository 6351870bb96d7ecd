// Original file: proto/gochat/repo/v1/repo.proto


export interface AddMembersResponse {
  'added_user_ids'?: (string)[];
}

export interface AddMembersResponse__Output {
  'added_user_ids': (string)[];
}
