// Original file: proto/realchat/message/v1/message_api.proto

import type { Message as _realchat_message_v1_Message, Message__Output as _realchat_message_v1_Message__Output } from '../../../realchat/message/v1/Message.js';

export interface SyncMessagesResponse {
  'messages'?: (_realchat_message_v1_Message)[];
  'has_more'?: (boolean);
}

export interface SyncMessagesResponse__Output {
  'messages': (_realchat_message_v1_Message__Output)[];
  'has_more': (boolean);
}
