// Original file: proto/gochat/repo/v1/repo.proto

import type { ListDirectPeersResponse as _gochat_repo_v1_ListDirectPeersResponse, ListDirectPeersResponse__Output as _gochat_repo_v1_ListDirectPeersResponse__Output } from '../../../gochat/repo/v1/ListDirectPeersResponse.js';
import type { CallError as _gochat_repo_v1_CallError, CallError__Output as _gochat_repo_v1_CallError__Output } from '../../../gochat/repo/v1/CallError.js';

export interface ListDirectPeersResult {
  'ok'?: (_gochat_repo_v1_ListDirectPeersResponse | null);
  'error'?: (_gochat_repo_v1_CallError | null);
}

export interface ListDirectPeersResult__Output {
  'ok': (_gochat_repo_v1_ListDirectPeersResponse__Output | null);
  'error': (_gochat_repo_v1_CallError__Output | null);
}
