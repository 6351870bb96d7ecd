// Original file: proto/realchat/message/v1/message_api.proto

import type { Message as _realchat_message_v1_Message, Message__Output as _realchat_message_v1_Message__Output } from '../../../realchat/message/v1/Message.js';

export interface SearchHit {
  'message'?: (_realchat_message_v1_Message | null);
  'snippet'?: (string);
  'highlights'?: (number)[];
}

export interface SearchHit__Output {
  'message': (_realchat_message_v1_Message__Output | null);
  'snippet': (string);
  'highlights': (number)[];
}
