// Original file: proto/gochat/repo/v1/moderation.proto

import type { BanEntry as _gochat_repo_v1_BanEntry, BanEntry__Output as _gochat_repo_v1_BanEntry__Output } from '../../../gochat/repo/v1/BanEntry.js';

export interface ListBansResponse {
  'bans'?: (_gochat_repo_v1_BanEntry)[];
}

export interface ListBansResponse__Output {
  'bans': (_gochat_repo_v1_BanEntry__Output)[];
}
