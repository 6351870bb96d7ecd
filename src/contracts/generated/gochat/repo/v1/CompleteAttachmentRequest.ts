// Original file: proto/gochat/repo/v1/attachments.proto

import type { Thumbnail as _gochat_repo_v1_Thumbnail, Thumbnail__Output as _gochat_repo_v1_Thumbnail__Output } from '../../../gochat/repo/v1/Thumbnail.js';
import type { Long } from '@grpc/proto-loader';

export interface CompleteAttachmentRequest {
  'attachment_id'?: (string);
  'size'?: (number | string | Long);
  'sha256'?: (string);
  'width'?: (number);
  'height'?: (number);
  'duration_ms'?: (number | string | Long);
  'thumbnail'?: (_gochat_repo_v1_Thumbnail | null);
}

export interface CompleteAttachmentRequest__Output {
  'attachment_id': (string);
  'size': (number);
  'sha256': (string);
  'width': (number);
  'height': (number);
  'duration_ms': (number);
  'thumbnail': (_gochat_repo_v1_Thumbnail__Output | null);
}
