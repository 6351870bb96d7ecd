// Original file: proto/realchat/message/v1/message_api.proto

import type { SearchHit as _realchat_message_v1_SearchHit, SearchHit__Output as _realchat_message_v1_SearchHit__Output } from '../../../realchat/message/v1/SearchHit.js';

export interface SearchMessagesResponse {
  'hits'?: (_realchat_message_v1_SearchHit)[];
  'next_cursor'?: (string);
}

export interface SearchMessagesResponse__Output {
  'hits': (_realchat_message_v1_SearchHit__Output)[];
  'next_cursor': (string);
}
