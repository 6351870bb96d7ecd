// Original file: proto/gochat/repo/v1/repo.proto

import type { Thumbnail as _gochat_repo_v1_Thumbnail, Thumbnail__Output as _gochat_repo_v1_Thumbnail__Output } from '../../../gochat/repo/v1/Thumbnail.js';
import type { Long } from '@grpc/proto-loader';

export interface MessageAttachment {
  'attachment_id'?: (string);
  'mime'?: (string);
  'size'?: (number | string | Long);
  'name'?: (string);
  'sha256'?: (string);
  'width'?: (number);
  'height'?: (number);
  'duration_ms'?: (number);
  'thumbnail'?: (_gochat_repo_v1_Thumbnail | null);
}

export interface MessageAttachment__Output {
  'attachment_id': (string);
  'mime': (string);
  'size': (number);
  'name': (string);
  'sha256': (string);
  'width': (number);
  'height': (number);
  'duration_ms': (number);
  'thumbnail': (_gochat_repo_v1_Thumbnail__Output | null);
}
