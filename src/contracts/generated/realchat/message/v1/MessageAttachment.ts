// Original file: proto/realchat/message/v1/message_api.proto

import type { AttachmentThumbnail as _realchat_message_v1_AttachmentThumbnail, AttachmentThumbnail__Output as _realchat_message_v1_AttachmentThumbnail__Output } from '../../../realchat/message/v1/AttachmentThumbnail.js';
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
  'thumbnail'?: (_realchat_message_v1_AttachmentThumbnail | null);
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
  'thumbnail': (_realchat_message_v1_AttachmentThumbnail__Output | null);
}
