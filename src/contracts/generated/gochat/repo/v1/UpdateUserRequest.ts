// Original file: proto/gochat/repo/v1/repo.proto

import type { OutboxEvent as _gochat_repo_v1_OutboxEvent, OutboxEvent__Output as _gochat_repo_v1_OutboxEvent__Output } from '../../../gochat/repo/v1/OutboxEvent.js';

export interface UpdateUserRequest {
  'user_id'?: (string);
  'display_name'?: (string);
  'events'?: (_gochat_repo_v1_OutboxEvent)[];
  'discoverable'?: (boolean);
  '_discoverable'?: "discoverable";
}

export interface UpdateUserRequest__Output {
  'user_id': (string);
  'display_name': (string);
  'events': (_gochat_repo_v1_OutboxEvent__Output)[];
  'discoverable'?: (boolean);
  '_discoverable'?: "discoverable";
}
