// Original file: proto/gochat/repo/v1/moderation.proto

import type { OutboxEvent as _gochat_repo_v1_OutboxEvent, OutboxEvent__Output as _gochat_repo_v1_OutboxEvent__Output } from '../../../gochat/repo/v1/OutboxEvent.js';

export interface BanRequest {
  'conversation_id'?: (string);
  'user_id'?: (string);
  'banned_by'?: (string);
  'events'?: (_gochat_repo_v1_OutboxEvent)[];
}

export interface BanRequest__Output {
  'conversation_id': (string);
  'user_id': (string);
  'banned_by': (string);
  'events': (_gochat_repo_v1_OutboxEvent__Output)[];
}
