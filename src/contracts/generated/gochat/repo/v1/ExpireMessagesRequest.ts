// Original file: proto/gochat/repo/v1/repo.proto

import type { Long } from '@grpc/proto-loader';

export interface ExpireMessagesRequest {
  'now_ms'?: (number | string | Long);
  'default_retention_days'?: (number);
  'limit'?: (number);
}

export interface ExpireMessagesRequest__Output {
  'now_ms': (number);
  'default_retention_days': (number);
  'limit': (number);
}
