// Original file: proto/gochat/logic/v1/logic.proto


export interface PublicUser {
  'user_id'?: (string);
  'username'?: (string);
  'display_name'?: (string);
}

export interface PublicUser__Output {
  'user_id': (string);
  'username': (string);
  'display_name': (string);
}
