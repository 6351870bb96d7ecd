// Original file: proto/gochat/repo/v1/repo.proto


export interface AllocateSeqRequest {
  'conversation_id'?: (string);
  'sender_id'?: (string);
  'idempotency_key'?: (string);
}

export interface AllocateSeqRequest__Output {
  'conversation_id': (string);
  'sender_id': (string);
  'idempotency_key': (string);
}
