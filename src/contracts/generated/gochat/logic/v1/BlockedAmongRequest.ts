// Original file: proto/gochat/logic/v1/moderation.proto


export interface BlockedAmongRequest {
  'user_id'?: (string);
  'user_ids'?: (string)[];
}

export interface BlockedAmongRequest__Output {
  'user_id': (string);
  'user_ids': (string)[];
}
