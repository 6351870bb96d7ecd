// Original file: proto/realchat/message/v1/message_api.proto


export interface SendMessageRequest {
  'conversation_id'?: (string);
  'sender_user_id'?: (string);
  'idempotency_key'?: (string);
  'content'?: (string);
  'trace_id'?: (string);
  'kind'?: (string);
  'target_id'?: (string);
  'reply_to'?: (string);
  'mentions'?: (string)[];
  'attachment_id'?: (string);
}

export interface SendMessageRequest__Output {
  'conversation_id': (string);
  'sender_user_id': (string);
  'idempotency_key': (string);
  'content': (string);
  'trace_id': (string);
  'kind': (string);
  'target_id': (string);
  'reply_to': (string);
  'mentions': (string)[];
  'attachment_id': (string);
}
