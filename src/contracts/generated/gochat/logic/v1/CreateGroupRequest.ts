// Original file: proto/gochat/logic/v1/logic.proto


export interface CreateGroupRequest {
  'user_id'?: (string);
  'name'?: (string);
  'member_ids'?: (string)[];
  'admin_secret'?: (string);
}

export interface CreateGroupRequest__Output {
  'user_id': (string);
  'name': (string);
  'member_ids': (string)[];
  'admin_secret': (string);
}
