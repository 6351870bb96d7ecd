// Original file: proto/gochat/logic/v1/logic.proto


export interface VerifyTokenRequest {
  'token'?: (string);
}

export interface VerifyTokenRequest__Output {
  'token': (string);
}
