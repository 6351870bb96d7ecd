// Original file: proto/gochat/logic/v1/logic.proto


export interface RetentionRequest {
  'user_id'?: (string);
  'conversation_id'?: (string);
  'retention_days'?: (number);
  'ttl_seconds'?: (number);
}

export interface RetentionRequest__Output {
  'user_id': (string);
  'conversation_id': (string);
  'retention_days': (number);
  'ttl_seconds': (number);
}
