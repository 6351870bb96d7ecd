// Original file: proto/gochat/repo/v1/attachments.proto


export interface AttachmentRef {
  'attachment_id'?: (string);
}

export interface AttachmentRef__Output {
  'attachment_id': (string);
}
