// Original file: proto/gochat/logic/v1/logic.proto


export interface LoginRequest {
  'username'?: (string);
  'password'?: (string);
}

export interface LoginRequest__Output {
  'username': (string);
  'password': (string);
}
