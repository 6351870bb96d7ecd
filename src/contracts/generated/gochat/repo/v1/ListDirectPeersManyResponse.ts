// Original file: proto/gochat/repo/v1/repo.proto

import type { ListDirectPeersResult as _gochat_repo_v1_ListDirectPeersResult, ListDirectPeersResult__Output as _gochat_repo_v1_ListDirectPeersResult__Output } from '../../../gochat/repo/v1/ListDirectPeersResult.js';

export interface ListDirectPeersManyResponse {
  'results'?: (_gochat_repo_v1_ListDirectPeersResult)[];
}

export interface ListDirectPeersManyResponse__Output {
  'results': (_gochat_repo_v1_ListDirectPeersResult__Output)[];
}
