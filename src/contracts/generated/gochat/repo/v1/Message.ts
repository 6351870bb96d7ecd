// Original file: proto/gochat/repo/v1/repo.proto

import type { Reaction as _gochat_repo_v1_Reaction, Reaction__Output as _gochat_repo_v1_Reaction__Output } from '../../../gochat/repo/v1/Reaction.js';
import type { ReplyPreview as _gochat_repo_v1_ReplyPreview, ReplyPreview__Output as _gochat_repo_v1_ReplyPreview__Output } from '../../../gochat/repo/v1/ReplyPreview.js';
import type { MessageAttachment as _gochat_repo_v1_MessageAttachment, MessageAttachment__Output as _gochat_repo_v1_MessageAttachment__Output } from '../../../gochat/repo/v1/MessageAttachment.js';
import type { Long } from '@grpc/proto-loader';

export interface Message {
  'message_id'?: (string);
  'conversation_id'?: (string);
  'seq'?: (number | string | Long);
  'sender_id'?: (string);
  'content'?: (string);
  'sent_at'?: (number | string | Long);
  'status'?: (string);
  'idempotency_key'?: (string);
  'kind'?: (string);
  'target_id'?: (string);
  'reply_to'?: (string);
  'mentions'?: (string)[];
  'edited_at'?: (number | string | Long);
  'edit_count'?: (number);
  'edit_seq'?: (number | string | Long);
  'reactions'?: (_gochat_repo_v1_Reaction)[];
  'pinned_at'?: (number | string | Long);
  'reply'?: (_gochat_repo_v1_ReplyPreview | null);
  'attachment'?: (_gochat_repo_v1_MessageAttachment | null);
}

export interface Message__Output {
  'message_id': (string);
  'conversation_id': (string);
  'seq': (number);
  'sender_id': (string);
  'content': (string);
  'sent_at': (number);
  'status': (string);
  'idempotency_key': (string);
  'kind': (string);
  'target_id': (string);
  'reply_to': (string);
  'mentions': (string)[];
  'edited_at': (number);
  'edit_count': (number);
  'edit_seq': (number);
  'reactions': (_gochat_repo_v1_Reaction__Output)[];
  'pinned_at': (number);
  'reply': (_gochat_repo_v1_ReplyPreview__Output | null);
  'attachment': (_gochat_repo_v1_MessageAttachment__Output | null);
}
