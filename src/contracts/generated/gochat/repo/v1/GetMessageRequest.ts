// Original file: proto/gochat/repo/v1/repo.proto


export interface GetMessageRequest {
  'conversation_id'?: (string);
  'message_id'?: (string);
}

export interface GetMessageRequest__Output {
  'conversation_id': (string);
  'message_id': (string);
}
