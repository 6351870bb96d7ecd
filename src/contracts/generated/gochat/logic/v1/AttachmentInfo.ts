// Original file: proto/gochat/logic/v1/uploads.proto

import type { Thumbnail as _gochat_logic_v1_Thumbnail, Thumbnail__Output as _gochat_logic_v1_Thumbnail__Output } from '../../../gochat/logic/v1/Thumbnail.js';
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
  'thumbnail'?: (_gochat_logic_v1_Thumbnail | null);
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
  'thumbnail': (_gochat_logic_v1_Thumbnail__Output | null);
}
