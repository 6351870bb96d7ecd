// Original file: proto/gochat/repo/v1/moderation.proto


export interface ListBlocksRequest {
  'user_id'?: (string);
  'limit'?: (number);
}

export interface ListBlocksRequest__Output {
  'user_id': (string);
  'limit': (number);
}
