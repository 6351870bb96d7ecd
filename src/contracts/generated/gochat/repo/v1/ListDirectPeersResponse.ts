// Original file: proto/gochat/repo/v1/repo.proto


export interface ListDirectPeersResponse {
  'user_ids'?: (string)[];
}

export interface ListDirectPeersResponse__Output {
  'user_ids': (string)[];
}
