// Original file: proto/gochat/logic/v1/uploads.proto

import type { Long } from '@grpc/proto-loader';

export interface SignedUrl {
  'url'?: (string);
  'method'?: (string);
  'headers'?: ({[key: string]: string});
  'expires_at'?: (number | string | Long);
}

export interface SignedUrl__Output {
  'url': (string);
  'method': (string);
  'headers': ({[key: string]: string});
  'expires_at': (number);
}
