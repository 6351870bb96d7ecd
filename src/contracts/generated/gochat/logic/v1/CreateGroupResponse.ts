// Original file: proto/gochat/logic/v1/logic.proto


export interface CreateGroupResponse {
  'conversation_id'?: (string);
}

export interface CreateGroupResponse__Output {
  'conversation_id': (string);
}
