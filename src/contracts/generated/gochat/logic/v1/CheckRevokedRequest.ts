// Original file: proto/gochat/logic/v1/logic.proto


export interface CheckRevokedRequest {
  'jtis'?: (string)[];
}

export interface CheckRevokedRequest__Output {
  'jtis': (string)[];
}
