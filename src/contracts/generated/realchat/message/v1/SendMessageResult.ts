// Original file: proto/realchat/message/v1/message_api.proto

import type { SendMessageResponse as _realchat_message_v1_SendMessageResponse, SendMessageResponse__Output as _realchat_message_v1_SendMessageResponse__Output } from '../../../realchat/message/v1/SendMessageResponse.js';
import type { CallError as _realchat_message_v1_CallError, CallError__Output as _realchat_message_v1_CallError__Output } from '../../../realchat/message/v1/CallError.js';

export interface SendMessageResult {
  'ok'?: (_realchat_message_v1_SendMessageResponse | null);
  'error'?: (_realchat_message_v1_CallError | null);
}

export interface SendMessageResult__Output {
  'ok': (_realchat_message_v1_SendMessageResponse__Output | null);
  'error': (_realchat_message_v1_CallError__Output | null);
}
