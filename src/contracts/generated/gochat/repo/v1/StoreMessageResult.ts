// Original file: proto/gochat/repo/v1/repo.proto

import type { StoreMessageResponse as _gochat_repo_v1_StoreMessageResponse, StoreMessageResponse__Output as _gochat_repo_v1_StoreMessageResponse__Output } from '../../../gochat/repo/v1/StoreMessageResponse.js';
import type { CallError as _gochat_repo_v1_CallError, CallError__Output as _gochat_repo_v1_CallError__Output } from '../../../gochat/repo/v1/CallError.js';

export interface StoreMessageResult {
  'ok'?: (_gochat_repo_v1_StoreMessageResponse | null);
  'error'?: (_gochat_repo_v1_CallError | null);
}

export interface StoreMessageResult__Output {
  'ok': (_gochat_repo_v1_StoreMessageResponse__Output | null);
  'error': (_gochat_repo_v1_CallError__Output | null);
}
