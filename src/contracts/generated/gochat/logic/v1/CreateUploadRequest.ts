// Original file: proto/gochat/logic/v1/uploads.proto

import type { Long } from '@grpc/proto-loader';

export interface CreateUploadRequest {
  'user_id'?: (string);
  'kind'?: (string);
  'mime'?: (string);
  'size'?: (number | string | Long);
  'name'?: (string);
}

export interface CreateUploadRequest__Output {
  'user_id': (string);
  'kind': (string);
  'mime': (string);
  'size': (number);
  'name': (string);
}
