// Original file: proto/gochat/repo/v1/repo.proto

import type { OutboxEvent as _gochat_repo_v1_OutboxEvent, OutboxEvent__Output as _gochat_repo_v1_OutboxEvent__Output } from '../../../gochat/repo/v1/OutboxEvent.js';

export interface FriendRequest {
  'from_user_id'?: (string);
  'to_user_id'?: (string);
  'events'?: (_gochat_repo_v1_OutboxEvent)[];
}

export interface FriendRequest__Output {
  'from_user_id': (string);
  'to_user_id': (string);
  'events': (_gochat_repo_v1_OutboxEvent__Output)[];
}
