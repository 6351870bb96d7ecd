// Original file: proto/gochat/repo/v1/repo.proto

import type { Long } from '@grpc/proto-loader';

export interface SetReadSeqResponse {
  'read_seq'?: (number | string | Long);
}

export interface SetReadSeqResponse__Output {
  'read_seq': (number);
}
