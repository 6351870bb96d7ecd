// Original file: proto/gochat/logic/v1/logic.proto

import type { BulkUser as _gochat_logic_v1_BulkUser, BulkUser__Output as _gochat_logic_v1_BulkUser__Output } from '../../../gochat/logic/v1/BulkUser.js';

export interface BulkCreateUsersResponse {
  'users'?: (_gochat_logic_v1_BulkUser)[];
}

export interface BulkCreateUsersResponse__Output {
  'users': (_gochat_logic_v1_BulkUser__Output)[];
}
