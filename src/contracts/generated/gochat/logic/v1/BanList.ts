// Original file: proto/gochat/logic/v1/moderation.proto

import type { BannedUser as _gochat_logic_v1_BannedUser, BannedUser__Output as _gochat_logic_v1_BannedUser__Output } from '../../../gochat/logic/v1/BannedUser.js';

export interface BanList {
  'bans'?: (_gochat_logic_v1_BannedUser)[];
}

export interface BanList__Output {
  'bans': (_gochat_logic_v1_BannedUser__Output)[];
}
