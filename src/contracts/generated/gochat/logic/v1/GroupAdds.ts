// Original file: proto/gochat/logic/v1/logic.proto


export interface GroupAdds {
  'added_user_ids'?: (string)[];
  'invited_user_ids'?: (string)[];
}

export interface GroupAdds__Output {
  'added_user_ids': (string)[];
  'invited_user_ids': (string)[];
}
