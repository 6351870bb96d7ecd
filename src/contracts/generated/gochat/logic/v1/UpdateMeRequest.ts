// Original file: proto/gochat/logic/v1/logic.proto


export interface UpdateMeRequest {
  'user_id'?: (string);
  'display_name'?: (string);
  'discoverable'?: (boolean);
  '_discoverable'?: "discoverable";
}

export interface UpdateMeRequest__Output {
  'user_id': (string);
  'display_name': (string);
  'discoverable'?: (boolean);
  '_discoverable'?: "discoverable";
}
