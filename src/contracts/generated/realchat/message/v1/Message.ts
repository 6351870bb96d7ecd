// Original file: proto/realchat/message/v1/message_api.proto

import type { Reaction as _realchat_message_v1_Reaction, Reaction__Output as _realchat_message_v1_Reaction__Output } from '../../../realchat/message/v1/Reaction.js';
import type { ReplyPreview as _realchat_message_v1_ReplyPreview, ReplyPreview__Output as _realchat_message_v1_ReplyPreview__Output } from '../../../realchat/message/v1/ReplyPreview.js';
import type { MessageAttachment as _realchat_message_v1_MessageAttachment, MessageAttachment__Output as _realchat_message_v1_MessageAttachment__Output } from '../../../realchat/message/v1/MessageAttachment.js';
import type { Long } from '@grpc/proto-loader';

export interface Message {
  'message_id'?: (string);
  'conversation_id'?: (string);
  'seq'?: (number | string | Long);
  'sender_user_id'?: (string);
  'content'?: (string);
  'sent_at'?: (number | string | Long);
  'status'?: (string);
  'kind'?: (string);
  'target_id'?: (string);
  'reply_to'?: (string);
  'mentions'?: (string)[];
  'edited_at'?: (number | string | Long);
  'edit_count'?: (number);
  'edit_seq'?: (number | string | Long);
  'reactions'?: (_realchat_message_v1_Reaction)[];
  'pinned_at'?: (number | string | Long);
  'reply'?: (_realchat_message_v1_ReplyPreview | null);
  'attachment'?: (_realchat_message_v1_MessageAttachment | null);
}

export interface Message__Output {
  'message_id': (string);
  'conversation_id': (string);
  'seq': (number);
  'sender_user_id': (string);
  'content': (string);
  'sent_at': (number);
  'status': (string);
  'kind': (string);
  'target_id': (string);
  'reply_to': (string);
  'mentions': (string)[];
  'edited_at': (number);
  'edit_count': (number);
  'edit_seq': (number);
  'reactions': (_realchat_message_v1_Reaction__Output)[];
  'pinned_at': (number);
  'reply': (_realchat_message_v1_ReplyPreview__Output | null);
  'attachment': (_realchat_message_v1_MessageAttachment__Output | null);
}
