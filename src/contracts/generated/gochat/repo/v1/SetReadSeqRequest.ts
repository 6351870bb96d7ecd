// Original file: proto/gochat/repo/v1/repo.proto

import type { OutboxEvent as _gochat_repo_v1_OutboxEvent, OutboxEvent__Output as _gochat_repo_v1_OutboxEvent__Output } from '../../../gochat/repo/v1/OutboxEvent.js';
import type { Long } from '@grpc/proto-loader';

export interface SetReadSeqRequest {
  'conversation_id'?: (string);
  'user_id'?: (string);
  'seq'?: (number | string | Long);
  'events'?: (_gochat_repo_v1_OutboxEvent)[];
}

export interface SetReadSeqRequest__Output {
  'conversation_id': (string);
  'user_id': (string);
  'seq': (number);
  'events': (_gochat_repo_v1_OutboxEvent__Output)[];
}
