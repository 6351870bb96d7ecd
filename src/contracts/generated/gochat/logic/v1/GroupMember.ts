// Original file: proto/gochat/logic/v1/logic.proto


export interface GroupMember {
  'user_id'?: (string);
  'display_name'?: (string);
  'role'?: (string);
}

export interface GroupMember__Output {
  'user_id': (string);
  'display_name': (string);
  'role': (string);
}
