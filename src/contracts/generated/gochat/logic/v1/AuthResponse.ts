// Original file: proto/gochat/logic/v1/logic.proto


export interface AuthResponse {
  'user_id'?: (string);
  'token'?: (string);
}

export interface AuthResponse__Output {
  'user_id': (string);
  'token': (string);
}
