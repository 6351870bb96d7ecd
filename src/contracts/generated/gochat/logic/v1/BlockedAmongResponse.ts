// Original file: proto/gochat/logic/v1/moderation.proto


export interface BlockedAmongResponse {
  'user_ids'?: (string)[];
}

export interface BlockedAmongResponse__Output {
  'user_ids': (string)[];
}
