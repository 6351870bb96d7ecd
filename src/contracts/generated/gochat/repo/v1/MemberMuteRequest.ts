// Original file: proto/gochat/repo/v1/moderation.proto

import type { OutboxEvent as _gochat_repo_v1_OutboxEvent, OutboxEvent__Output as _gochat_repo_v1_OutboxEvent__Output } from '../../../gochat/repo/v1/OutboxEvent.js';
import type { Long } from '@grpc/proto-loader';

export interface MemberMuteRequest {
  'conversation_id'?: (string);
  'user_id'?: (string);
  'until'?: (number | string | Long);
  'events'?: (_gochat_repo_v1_OutboxEvent)[];
}

export interface MemberMuteRequest__Output {
  'conversation_id': (string);
  'user_id': (string);
  'until': (number);
  'events': (_gochat_repo_v1_OutboxEvent__Output)[];
}
