// Original file: proto/gochat/repo/v1/repo.proto


export interface GetConversationRequest {
  'conversation_id'?: (string);
}

export interface GetConversationRequest__Output {
  'conversation_id': (string);
}
