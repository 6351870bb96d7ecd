// Original file: proto/gochat/logic/v1/logic.proto


export interface BulkCreateUsersRequest {
  'admin_secret'?: (string);
  'count'?: (number);
  'name_prefix'?: (string);
}

export interface BulkCreateUsersRequest__Output {
  'admin_secret': (string);
  'count': (number);
  'name_prefix': (string);
}
