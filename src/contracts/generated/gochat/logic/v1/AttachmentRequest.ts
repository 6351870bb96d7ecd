// Original file: proto/gochat/logic/v1/uploads.proto


export interface AttachmentRequest {
  'user_id'?: (string);
  'attachment_id'?: (string);
  'variant'?: (string);
}

export interface AttachmentRequest__Output {
  'user_id': (string);
  'attachment_id': (string);
  'variant': (string);
}
