// Original file: proto/gochat/repo/v1/repo.proto

import type { OutboxEvent as _gochat_repo_v1_OutboxEvent, OutboxEvent__Output as _gochat_repo_v1_OutboxEvent__Output } from '../../../gochat/repo/v1/OutboxEvent.js';
import type { MessageAttachment as _gochat_repo_v1_MessageAttachment, MessageAttachment__Output as _gochat_repo_v1_MessageAttachment__Output } from '../../../gochat/repo/v1/MessageAttachment.js';

export interface StoreMessageRequest {
  'conversation_id'?: (string);
  'sender_id'?: (string);
  'idempotency_key'?: (string);
  'content'?: (string);
  'kind'?: (string);
  'target_id'?: (string);
  'reply_to'?: (string);
  'mentions'?: (string)[];
  'events'?: (_gochat_repo_v1_OutboxEvent)[];
  'message_id'?: (string);
  'attachment'?: (_gochat_repo_v1_MessageAttachment | null);
}

export interface StoreMessageRequest__Output {
  'conversation_id': (string);
  'sender_id': (string);
  'idempotency_key': (string);
  'content': (string);
  'kind': (string);
  'target_id': (string);
  'reply_to': (string);
  'mentions': (string)[];
  'events': (_gochat_repo_v1_OutboxEvent__Output)[];
  'message_id': (string);
  'attachment': (_gochat_repo_v1_MessageAttachment__Output | null);
}
