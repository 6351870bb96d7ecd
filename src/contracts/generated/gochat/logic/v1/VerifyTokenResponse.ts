// Original file: proto/gochat/logic/v1/logic.proto


export interface VerifyTokenResponse {
  'user_id'?: (string);
}

export interface VerifyTokenResponse__Output {
  'user_id': (string);
}
