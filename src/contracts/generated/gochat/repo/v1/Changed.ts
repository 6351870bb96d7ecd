// Original file: proto/gochat/repo/v1/moderation.proto


export interface Changed {
  'changed'?: (boolean);
}

export interface Changed__Output {
  'changed': (boolean);
}
