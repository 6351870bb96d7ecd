// Original file: proto/realchat/message/v1/message_api.proto


export interface CallError {
  'code'?: (string);
  'message'?: (string);
  'retry_after_seconds'?: (number);
}

export interface CallError__Output {
  'code': (string);
  'message': (string);
  'retry_after_seconds': (number);
}
