// Original file: proto/gochat/repo/v1/repo.proto

import type { OutboxEvent as _gochat_repo_v1_OutboxEvent, OutboxEvent__Output as _gochat_repo_v1_OutboxEvent__Output } from '../../../gochat/repo/v1/OutboxEvent.js';

export interface CreateUserRequest {
  'username'?: (string);
  'password_hash'?: (string);
  'display_name'?: (string);
  'guest'?: (boolean);
  'events'?: (_gochat_repo_v1_OutboxEvent)[];
}

export interface CreateUserRequest__Output {
  'username': (string);
  'password_hash': (string);
  'display_name': (string);
  'guest': (boolean);
  'events': (_gochat_repo_v1_OutboxEvent__Output)[];
}
