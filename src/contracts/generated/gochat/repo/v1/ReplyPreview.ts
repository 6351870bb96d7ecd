// Original file: proto/gochat/repo/v1/repo.proto


export interface ReplyPreview {
  'message_id'?: (string);
  'sender_id'?: (string);
  'snippet'?: (string);
  'status'?: (string);
}

export interface ReplyPreview__Output {
  'message_id': (string);
  'sender_id': (string);
  'snippet': (string);
  'status': (string);
}
