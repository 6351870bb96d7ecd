// Original file: proto/gochat/repo/v1/attachments.proto

import type { Attachment as _gochat_repo_v1_Attachment, Attachment__Output as _gochat_repo_v1_Attachment__Output } from '../../../gochat/repo/v1/Attachment.js';
import type { Long } from '@grpc/proto-loader';

export interface CreateAttachmentRequest {
  'attachment'?: (_gochat_repo_v1_Attachment | null);
  'quota_bytes'?: (number | string | Long);
  'now'?: (number | string | Long);
}

export interface CreateAttachmentRequest__Output {
  'attachment': (_gochat_repo_v1_Attachment__Output | null);
  'quota_bytes': (number);
  'now': (number);
}
