// Original file: proto/gochat/repo/v1/repo.proto

import type { OutboxEvent as _gochat_repo_v1_OutboxEvent, OutboxEvent__Output as _gochat_repo_v1_OutboxEvent__Output } from '../../../gochat/repo/v1/OutboxEvent.js';

export interface RemoveMemberRequest {
  'conversation_id'?: (string);
  'user_id'?: (string);
  'events'?: (_gochat_repo_v1_OutboxEvent)[];
  'promote_user_id'?: (string);
}

export interface RemoveMemberRequest__Output {
  'conversation_id': (string);
  'user_id': (string);
  'events': (_gochat_repo_v1_OutboxEvent__Output)[];
  'promote_user_id': (string);
}
