// Original file: proto/gochat/logic/v1/logic.proto


export interface RemoveGroupMemberRequest {
  'user_id'?: (string);
  'conversation_id'?: (string);
  'member_id'?: (string);
}

export interface RemoveGroupMemberRequest__Output {
  'user_id': (string);
  'conversation_id': (string);
  'member_id': (string);
}
