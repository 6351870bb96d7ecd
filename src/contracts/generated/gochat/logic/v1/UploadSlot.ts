// Original file: proto/gochat/logic/v1/uploads.proto

import type { SignedUrl as _gochat_logic_v1_SignedUrl, SignedUrl__Output as _gochat_logic_v1_SignedUrl__Output } from '../../../gochat/logic/v1/SignedUrl.js';

export interface UploadSlot {
  'attachment_id'?: (string);
  'upload'?: (_gochat_logic_v1_SignedUrl | null);
}

export interface UploadSlot__Output {
  'attachment_id': (string);
  'upload': (_gochat_logic_v1_SignedUrl__Output | null);
}
