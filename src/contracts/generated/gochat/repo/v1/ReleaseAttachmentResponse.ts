// Original file: proto/gochat/repo/v1/attachments.proto


export interface ReleaseAttachmentResponse {
  'released'?: (boolean);
}

export interface ReleaseAttachmentResponse__Output {
  'released': (boolean);
}
