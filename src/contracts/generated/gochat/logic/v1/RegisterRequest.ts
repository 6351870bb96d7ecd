// Original file: proto/gochat/logic/v1/logic.proto


export interface RegisterRequest {
  'username'?: (string);
  'password'?: (string);
  'display_name'?: (string);
}

export interface RegisterRequest__Output {
  'username': (string);
  'password': (string);
  'display_name': (string);
}
