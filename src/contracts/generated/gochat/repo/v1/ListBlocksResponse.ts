// Original file: proto/gochat/repo/v1/moderation.proto

import type { BlockEntry as _gochat_repo_v1_BlockEntry, BlockEntry__Output as _gochat_repo_v1_BlockEntry__Output } from '../../../gochat/repo/v1/BlockEntry.js';

export interface ListBlocksResponse {
  'blocks'?: (_gochat_repo_v1_BlockEntry)[];
}

export interface ListBlocksResponse__Output {
  'blocks': (_gochat_repo_v1_BlockEntry__Output)[];
}
