// Original file: proto/gochat/repo/v1/repo.proto

import type { Long } from '@grpc/proto-loader';

export interface AllocateSeqResponse {
  'seq'?: (number | string | Long);
  'message_id'?: (string);
  'sent_at'?: (number | string | Long);
  'duplicate'?: (boolean);
}

export interface AllocateSeqResponse__Output {
  'seq': (number);
  'message_id': (string);
  'sent_at': (number);
  'duplicate': (boolean);
}
