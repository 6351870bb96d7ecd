// Original file: proto/gochat/repo/v1/repo.proto

import type { StoreMessageRequest as _gochat_repo_v1_StoreMessageRequest, StoreMessageRequest__Output as _gochat_repo_v1_StoreMessageRequest__Output } from '../../../gochat/repo/v1/StoreMessageRequest.js';

export interface StoreMessagesRequest {
  'messages'?: (_gochat_repo_v1_StoreMessageRequest)[];
}

export interface StoreMessagesRequest__Output {
  'messages': (_gochat_repo_v1_StoreMessageRequest__Output)[];
}
