// Original file: proto/gochat/repo/v1/attachments.proto

import type { Long } from '@grpc/proto-loader';

export interface Attachment {
  'attachment_id'?: (string);
  'owner_id'?: (string);
  'kind'?: (string);
  'mime'?: (string);
  'size'?: (number | string | Long);
  'name'?: (string);
  'sha256'?: (string);
  'width'?: (number);
  'height'?: (number);
  'duration_ms'?: (number | string | Long);
  'state'?: (string);
  'created_at'?: (number | string | Long);
  'expires_at'?: (number | string | Long);
}

export interface Attachment__Output {
  'attachment_id': (string);
  'owner_id': (string);
  'kind': (string);
  'mime': (string);
  'size': (number);
  'name': (string);
  'sha256': (string);
  'width': (number);
  'height': (number);
  'duration_ms': (number);
  'state': (string);
  'created_at': (number);
  'expires_at': (number);
}
