// Original file: proto/gochat/repo/v1/repo.proto

import type { GatewayUsers as _gochat_repo_v1_GatewayUsers, GatewayUsers__Output as _gochat_repo_v1_GatewayUsers__Output } from '../../../gochat/repo/v1/GatewayUsers.js';

export interface LocateMembersResponse {
  'online'?: (_gochat_repo_v1_GatewayUsers)[];
  'offline'?: (string)[];
  'members'?: (number);
  'next_cursor'?: (string);
}

export interface LocateMembersResponse__Output {
  'online': (_gochat_repo_v1_GatewayUsers__Output)[];
  'offline': (string)[];
  'members': (number);
  'next_cursor': (string);
}
