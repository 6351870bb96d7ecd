// Original file: proto/gochat/logic/v1/logic.proto


export interface BulkUser {
  'user_id'?: (string);
  'token'?: (string);
}

export interface BulkUser__Output {
  'user_id': (string);
  'token': (string);
}
