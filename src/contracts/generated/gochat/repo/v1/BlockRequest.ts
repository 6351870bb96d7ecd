// Original file: proto/gochat/repo/v1/moderation.proto


export interface BlockRequest {
  'user_id'?: (string);
  'blocked_id'?: (string);
}

export interface BlockRequest__Output {
  'user_id': (string);
  'blocked_id': (string);
}
