// Original file: proto/gochat/repo/v1/repo.proto


export interface InviteMembersResponse {
  'invited_user_ids'?: (string)[];
}

export interface InviteMembersResponse__Output {
  'invited_user_ids': (string)[];
}
