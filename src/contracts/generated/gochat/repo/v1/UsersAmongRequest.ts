// Original file: proto/gochat/repo/v1/moderation.proto


export interface UsersAmongRequest {
  'subject_id'?: (string);
  'user_ids'?: (string)[];
}

export interface UsersAmongRequest__Output {
  'subject_id': (string);
  'user_ids': (string)[];
}
