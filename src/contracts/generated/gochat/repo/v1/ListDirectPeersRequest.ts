// Original file: proto/gochat/repo/v1/repo.proto


export interface ListDirectPeersRequest {
  'user_id'?: (string);
  'limit'?: (number);
}

export interface ListDirectPeersRequest__Output {
  'user_id': (string);
  'limit': (number);
}
