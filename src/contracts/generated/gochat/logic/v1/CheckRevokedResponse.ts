// Original file: proto/gochat/logic/v1/logic.proto


export interface CheckRevokedResponse {
  'revoked_jtis'?: (string)[];
}

export interface CheckRevokedResponse__Output {
  'revoked_jtis': (string)[];
}
