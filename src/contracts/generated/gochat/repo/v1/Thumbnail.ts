// Original file: proto/gochat/repo/v1/attachments.proto

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
