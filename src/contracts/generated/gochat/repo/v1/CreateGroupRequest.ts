// Original file: proto/gochat/repo/v1/repo.proto

import type { OutboxEvent as _gochat_repo_v1_OutboxEvent, OutboxEvent__Output as _gochat_repo_v1_OutboxEvent__Output } from '../../../gochat/repo/v1/OutboxEvent.js';

export interface CreateGroupRequest {
  'name'?: (string);
  'creator_id'?: (string);
  'member_ids'?: (string)[];
  'events'?: (_gochat_repo_v1_OutboxEvent)[];
}

export interface CreateGroupRequest__Output {
  'name': (string);
  'creator_id': (string);
  'member_ids': (string)[];
  'events': (_gochat_repo_v1_OutboxEvent__Output)[];
}
