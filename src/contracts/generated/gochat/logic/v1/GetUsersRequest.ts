// Original file: proto/gochat/logic/v1/logic.proto


export interface GetUsersRequest {
  'user_id'?: (string);
  'user_ids'?: (string)[];
}

export interface GetUsersRequest__Output {
  'user_id': (string);
  'user_ids': (string)[];
}
