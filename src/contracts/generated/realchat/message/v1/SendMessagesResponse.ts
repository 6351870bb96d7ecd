// Original file: proto/realchat/message/v1/message_api.proto

import type { SendMessageResult as _realchat_message_v1_SendMessageResult, SendMessageResult__Output as _realchat_message_v1_SendMessageResult__Output } from '../../../realchat/message/v1/SendMessageResult.js';

export interface SendMessagesResponse {
  'results'?: (_realchat_message_v1_SendMessageResult)[];
}

export interface SendMessagesResponse__Output {
  'results': (_realchat_message_v1_SendMessageResult__Output)[];
}
