// Original file: proto/gochat/repo/v1/repo.proto

import type { StoreMessageResult as _gochat_repo_v1_StoreMessageResult, StoreMessageResult__Output as _gochat_repo_v1_StoreMessageResult__Output } from '../../../gochat/repo/v1/StoreMessageResult.js';

export interface StoreMessagesResponse {
  'results'?: (_gochat_repo_v1_StoreMessageResult)[];
}

export interface StoreMessagesResponse__Output {
  'results': (_gochat_repo_v1_StoreMessageResult__Output)[];
}
