// Original file: proto/gochat/repo/v1/repo.proto


export interface CheckRevokedResponse {
  'revoked_jtis'?: (string)[];
}

export interface CheckRevokedResponse__Output {
  'revoked_jtis': (string)[];
}
