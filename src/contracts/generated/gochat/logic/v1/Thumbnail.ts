// Original file: proto/gochat/logic/v1/uploads.proto

import type { Long } from '@grpc/proto-loader';

export interface Thumbnail {
  'width'?: (number);
  'height'?: (number);
  'size'?: (number | string | Long);
  'mime'?: (string);
}

export interface Thumbnail__Output {
  'width': (number);
  'height': (number);
  'size': (number);
  'mime': (string);
}
