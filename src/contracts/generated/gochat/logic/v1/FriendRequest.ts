// Original file: proto/gochat/logic/v1/logic.proto


export interface FriendRequest {
  'user_id'?: (string);
  'peer_user_id'?: (string);
}

export interface FriendRequest__Output {
  'user_id': (string);
  'peer_user_id': (string);
}
