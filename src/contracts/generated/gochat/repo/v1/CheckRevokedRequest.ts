// Original file: proto/gochat/repo/v1/repo.proto


export interface CheckRevokedRequest {
  'jtis'?: (string)[];
}

export interface CheckRevokedRequest__Output {
  'jtis': (string)[];
}
