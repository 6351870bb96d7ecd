// Original file: proto/gochat/logic/v1/logic.proto


export interface CreateDirectResponse {
  'conversation_id'?: (string);
  'created'?: (boolean);
}

export interface CreateDirectResponse__Output {
  'conversation_id': (string);
  'created': (boolean);
}
