// Original file: proto/gochat/logic/v1/logic.proto

import type { PublicUser as _gochat_logic_v1_PublicUser, PublicUser__Output as _gochat_logic_v1_PublicUser__Output } from '../../../gochat/logic/v1/PublicUser.js';

export interface UserList {
  'users'?: (_gochat_logic_v1_PublicUser)[];
  'next_cursor'?: (string);
}

export interface UserList__Output {
  'users': (_gochat_logic_v1_PublicUser__Output)[];
  'next_cursor': (string);
}
