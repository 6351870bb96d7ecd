// Original file: proto/gochat/repo/v1/attachments.proto

import type { Thumbnail as _gochat_repo_v1_Thumbnail, Thumbnail__Output as _gochat_repo_v1_Thumbnail__Output } from '../../../gochat/repo/v1/Thumbnail.js';
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
  'thumbnail'?: (_gochat_repo_v1_Thumbnail | null);
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
  'thumbnail': (_gochat_repo_v1_Thumbnail__Output | null);
}
