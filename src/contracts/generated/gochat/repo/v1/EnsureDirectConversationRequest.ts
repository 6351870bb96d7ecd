// Original file: proto/gochat/repo/v1/repo.proto


export interface EnsureDirectConversationRequest {
  'user_a'?: (string);
  'user_b'?: (string);
}

export interface EnsureDirectConversationRequest__Output {
  'user_a': (string);
  'user_b': (string);
}
