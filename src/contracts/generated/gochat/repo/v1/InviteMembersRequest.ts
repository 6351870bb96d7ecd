// Original file: proto/gochat/repo/v1/repo.proto

import type { OutboxEvent as _gochat_repo_v1_OutboxEvent, OutboxEvent__Output as _gochat_repo_v1_OutboxEvent__Output } from '../../../gochat/repo/v1/OutboxEvent.js';

export interface InviteMembersRequest {
  'conversation_id'?: (string);
  'inviter_id'?: (string);
  'user_ids'?: (string)[];
  'events'?: (_gochat_repo_v1_OutboxEvent)[];
}

export interface InviteMembersRequest__Output {
  'conversation_id': (string);
  'inviter_id': (string);
  'user_ids': (string)[];
  'events': (_gochat_repo_v1_OutboxEvent__Output)[];
}
