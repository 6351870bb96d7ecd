// Original file: proto/gochat/repo/v1/repo.proto


export interface Reaction {
  'emoji'?: (string);
  'user_ids'?: (string)[];
}

export interface Reaction__Output {
  'emoji': (string);
  'user_ids': (string)[];
}
