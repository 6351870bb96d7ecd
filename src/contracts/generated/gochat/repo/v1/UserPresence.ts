// Original file: proto/gochat/repo/v1/repo.proto


export interface UserPresence {
  'user_id'?: (string);
  'gateway_ids'?: (string)[];
}

export interface UserPresence__Output {
  'user_id': (string);
  'gateway_ids': (string)[];
}
