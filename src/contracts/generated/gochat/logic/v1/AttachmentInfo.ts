// Original file: proto/gochat/logic/v1/uploads.proto

import type { Long } from '@grpc/proto-loader';

export interface AttachmentInfo {
  'attachment_id'?: (string);
  'kind'?: (string);
  'mime'?: (string);
  'size'?: (number | string | Long);
  'name'?: (string);
  'sha256'?: (string);
  'width'?: (number);
  'height'?: (number);
  'duration_ms'?: (number | string | Long);
  'state'?: (string);
}

export interface AttachmentInfo__Output {
  'attachment_id': (string);
  'kind': (string);
  'mime': (string);
  'size': (number);
  'name': (string);
  'sha256': (string);
  'width': (number);
  'height': (number);
  'duration_ms': (number);
  'state': (string);
}
