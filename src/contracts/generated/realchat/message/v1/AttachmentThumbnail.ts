// Original file: proto/realchat/message/v1/message_api.proto

import type { Long } from '@grpc/proto-loader';

export interface AttachmentThumbnail {
  'width'?: (number);
  'height'?: (number);
  'size'?: (number | string | Long);
  'mime'?: (string);
}

export interface AttachmentThumbnail__Output {
  'width': (number);
  'height': (number);
  'size': (number);
  'mime': (string);
}
