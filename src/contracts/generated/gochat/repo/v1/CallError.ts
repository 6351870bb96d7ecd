// Original file: proto/gochat/repo/v1/repo.proto


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
