// Original file: proto/gochat/repo/v1/repo.proto

import type { Member as _gochat_repo_v1_Member, Member__Output as _gochat_repo_v1_Member__Output } from '../../../gochat/repo/v1/Member.js';

export interface ListMembersResponse {
  'members'?: (_gochat_repo_v1_Member)[];
  'next_cursor'?: (string);
}

export interface ListMembersResponse__Output {
  'members': (_gochat_repo_v1_Member__Output)[];
  'next_cursor': (string);
}
