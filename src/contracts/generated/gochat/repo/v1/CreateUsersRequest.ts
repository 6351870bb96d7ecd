// Original file: proto/gochat/repo/v1/repo.proto

import type { CreateUserRequest as _gochat_repo_v1_CreateUserRequest, CreateUserRequest__Output as _gochat_repo_v1_CreateUserRequest__Output } from '../../../gochat/repo/v1/CreateUserRequest.js';

export interface CreateUsersRequest {
  'users'?: (_gochat_repo_v1_CreateUserRequest)[];
}

export interface CreateUsersRequest__Output {
  'users': (_gochat_repo_v1_CreateUserRequest__Output)[];
}
