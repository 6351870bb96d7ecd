// Original file: proto/gochat/repo/v1/repo.proto


export interface LookupPresenceRequest {
  'user_ids'?: (string)[];
}

export interface LookupPresenceRequest__Output {
  'user_ids': (string)[];
}
