// Original file: proto/gochat/repo/v1/attachments.proto


export interface AttachmentAccessResponse {
  'shared'?: (boolean);
}

export interface AttachmentAccessResponse__Output {
  'shared': (boolean);
}
