// Original file: proto/gochat/logic/v1/logic.proto


export interface Me {
  'user_id'?: (string);
  'username'?: (string);
  'display_name'?: (string);
  'guest'?: (boolean);
  'discoverable'?: (boolean);
}

export interface Me__Output {
  'user_id': (string);
  'username': (string);
  'display_name': (string);
  'guest': (boolean);
  'discoverable': (boolean);
}
