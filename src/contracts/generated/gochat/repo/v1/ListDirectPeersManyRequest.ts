// Original file: proto/gochat/repo/v1/repo.proto

import type { ListDirectPeersRequest as _gochat_repo_v1_ListDirectPeersRequest, ListDirectPeersRequest__Output as _gochat_repo_v1_ListDirectPeersRequest__Output } from '../../../gochat/repo/v1/ListDirectPeersRequest.js';

export interface ListDirectPeersManyRequest {
  'requests'?: (_gochat_repo_v1_ListDirectPeersRequest)[];
}

export interface ListDirectPeersManyRequest__Output {
  'requests': (_gochat_repo_v1_ListDirectPeersRequest__Output)[];
}
