// Original file: proto/gochat/logic/v1/logic.proto


export interface SetAnnouncementRequest {
  'user_id'?: (string);
  'conversation_id'?: (string);
  'text'?: (string);
}

export interface SetAnnouncementRequest__Output {
  'user_id': (string);
  'conversation_id': (string);
  'text': (string);
}
