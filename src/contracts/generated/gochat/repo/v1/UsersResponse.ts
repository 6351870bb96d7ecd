// Original file: proto/gochat/repo/v1/repo.proto

import type { User as _gochat_repo_v1_User, User__Output as _gochat_repo_v1_User__Output } from '../../../gochat/repo/v1/User.js';

export interface UsersResponse {
  'users'?: (_gochat_repo_v1_User)[];
}

export interface UsersResponse__Output {
  'users': (_gochat_repo_v1_User__Output)[];
}
