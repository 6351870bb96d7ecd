// Original file: proto/gochat/logic/v1/logic.proto


export interface UserRef {
  'user_id'?: (string);
}

export interface UserRef__Output {
  'user_id': (string);
}
