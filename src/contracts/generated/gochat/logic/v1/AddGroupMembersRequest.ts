// Original file: proto/gochat/logic/v1/logic.proto


export interface AddGroupMembersRequest {
  'user_id'?: (string);
  'conversation_id'?: (string);
  'user_ids'?: (string)[];
  'admin_secret'?: (string);
}

export interface AddGroupMembersRequest__Output {
  'user_id': (string);
  'conversation_id': (string);
  'user_ids': (string)[];
  'admin_secret': (string);
}
