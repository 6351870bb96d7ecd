// Original file: proto/gochat/repo/v1/attachments.proto


export interface AttachmentAccessRequest {
  'attachment_id'?: (string);
  'user_id'?: (string);
}

export interface AttachmentAccessRequest__Output {
  'attachment_id': (string);
  'user_id': (string);
}
