// Original file: proto/gochat/repo/v1/repo.proto

import type { Long } from '@grpc/proto-loader';

export interface User {
  'user_id'?: (string);
  'username'?: (string);
  'display_name'?: (string);
  'guest'?: (boolean);
  'password_hash'?: (string);
  'created_at'?: (number | string | Long);
  'discoverable'?: (boolean);
}

export interface User__Output {
  'user_id': (string);
  'username': (string);
  'display_name': (string);
  'guest': (boolean);
  'password_hash': (string);
  'created_at': (number);
  'discoverable': (boolean);
}
