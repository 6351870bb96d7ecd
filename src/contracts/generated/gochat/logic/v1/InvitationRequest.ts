// Original file: proto/gochat/logic/v1/logic.proto


export interface InvitationRequest {
  'user_id'?: (string);
  'conversation_id'?: (string);
}

export interface InvitationRequest__Output {
  'user_id': (string);
  'conversation_id': (string);
}
