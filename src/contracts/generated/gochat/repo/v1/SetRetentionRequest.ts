// Original file: proto/gochat/repo/v1/repo.proto

import type { RetentionSettings as _gochat_repo_v1_RetentionSettings, RetentionSettings__Output as _gochat_repo_v1_RetentionSettings__Output } from '../../../gochat/repo/v1/RetentionSettings.js';
import type { OutboxEvent as _gochat_repo_v1_OutboxEvent, OutboxEvent__Output as _gochat_repo_v1_OutboxEvent__Output } from '../../../gochat/repo/v1/OutboxEvent.js';

export interface SetRetentionRequest {
  'conversation_id'?: (string);
  'settings'?: (_gochat_repo_v1_RetentionSettings | null);
  'events'?: (_gochat_repo_v1_OutboxEvent)[];
}

export interface SetRetentionRequest__Output {
  'conversation_id': (string);
  'settings': (_gochat_repo_v1_RetentionSettings__Output | null);
  'events': (_gochat_repo_v1_OutboxEvent__Output)[];
}
