// Original file: proto/gochat/logic/v1/logic.proto


export interface LogoutRequest {
  'token'?: (string);
}

export interface LogoutRequest__Output {
  'token': (string);
}
