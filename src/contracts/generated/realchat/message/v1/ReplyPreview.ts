// Original file: proto/realchat/message/v1/message_api.proto


export interface ReplyPreview {
  'message_id'?: (string);
  'sender_user_id'?: (string);
  'snippet'?: (string);
  'status'?: (string);
}

export interface ReplyPreview__Output {
  'message_id': (string);
  'sender_user_id': (string);
  'snippet': (string);
  'status': (string);
}
