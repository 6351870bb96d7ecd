// Original file: proto/gochat/logic/v1/logic.proto


export interface CreateDirectRequest {
  'user_id'?: (string);
  'peer_user_id'?: (string);
}

export interface CreateDirectRequest__Output {
  'user_id': (string);
  'peer_user_id': (string);
}
