// Original file: proto/gochat/logic/v1/moderation.proto

import type { BlockedUser as _gochat_logic_v1_BlockedUser, BlockedUser__Output as _gochat_logic_v1_BlockedUser__Output } from '../../../gochat/logic/v1/BlockedUser.js';

export interface BlockList {
  'blocks'?: (_gochat_logic_v1_BlockedUser)[];
}

export interface BlockList__Output {
  'blocks': (_gochat_logic_v1_BlockedUser__Output)[];
}
