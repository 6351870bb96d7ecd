// Original file: proto/gochat/logic/v1/logic.proto


export interface CreateGroupResponse {
  'conversation_id'?: (string);
  'added_user_ids'?: (string)[];
  'invited_user_ids'?: (string)[];
}

export interface CreateGroupResponse__Output {
  'conversation_id': (string);
  'added_user_ids': (string)[];
  'invited_user_ids': (string)[];
}
