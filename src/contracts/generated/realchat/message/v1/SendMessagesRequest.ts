// Original file: proto/realchat/message/v1/message_api.proto

import type { SendMessageRequest as _realchat_message_v1_SendMessageRequest, SendMessageRequest__Output as _realchat_message_v1_SendMessageRequest__Output } from '../../../realchat/message/v1/SendMessageRequest.js';

export interface SendMessagesRequest {
  'sends'?: (_realchat_message_v1_SendMessageRequest)[];
}

export interface SendMessagesRequest__Output {
  'sends': (_realchat_message_v1_SendMessageRequest__Output)[];
}
