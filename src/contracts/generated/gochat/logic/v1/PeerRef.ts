// Original file: proto/gochat/logic/v1/moderation.proto


export interface PeerRef {
  'user_id'?: (string);
  'peer_user_id'?: (string);
}

export interface PeerRef__Output {
  'user_id': (string);
  'peer_user_id': (string);
}
