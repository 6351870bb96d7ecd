// Original file: proto/gochat/repo/v1/attachments.proto

import type { Long } from '@grpc/proto-loader';

export interface CompleteAttachmentRequest {
  'attachment_id'?: (string);
  'size'?: (number | string | Long);
  'sha256'?: (string);
  'width'?: (number);
  'height'?: (number);
  'duration_ms'?: (number | string | Long);
}

export interface CompleteAttachmentRequest__Output {
  'attachment_id': (string);
  'size': (number);
  'sha256': (string);
  'width': (number);
  'height': (number);
  'duration_ms': (number);
}
