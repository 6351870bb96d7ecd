// Original file: proto/gochat/logic/v1/logic.proto


export interface RefreshRequest {
  'token'?: (string);
}

export interface RefreshRequest__Output {
  'token': (string);
}
