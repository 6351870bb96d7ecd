// Original file: proto/gochat/repo/v1/repo.proto


export interface StoreMessageRequest {
  'conversation_id'?: (string);
  'sender_id'?: (string);
  'idempotency_key'?: (string);
  'content'?: (string);
}

export interface StoreMessageRequest__Output {
  'conversation_id': (string);
  'sender_id': (string);
  'idempotency_key': (string);
  'content': (string);
}
