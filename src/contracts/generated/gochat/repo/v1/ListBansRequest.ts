// Original file: proto/gochat/repo/v1/moderation.proto


export interface ListBansRequest {
  'conversation_id'?: (string);
  'limit'?: (number);
}

export interface ListBansRequest__Output {
  'conversation_id': (string);
  'limit': (number);
}
