// Original file: proto/gochat/repo/v1/repo.proto


export interface ContactsAmongRequest {
  'user_id'?: (string);
  'candidate_ids'?: (string)[];
}

export interface ContactsAmongRequest__Output {
  'user_id': (string);
  'candidate_ids': (string)[];
}
