// Original file: proto/gochat/repo/v1/repo.proto


export interface ListInvitationsRequest {
  'invitee_id'?: (string);
  'limit'?: (number);
}

export interface ListInvitationsRequest__Output {
  'invitee_id': (string);
  'limit': (number);
}
