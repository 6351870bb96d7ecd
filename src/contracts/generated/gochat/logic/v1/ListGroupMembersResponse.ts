// Original file: proto/gochat/logic/v1/logic.proto

import type { GroupMember as _gochat_logic_v1_GroupMember, GroupMember__Output as _gochat_logic_v1_GroupMember__Output } from '../../../gochat/logic/v1/GroupMember.js';

export interface ListGroupMembersResponse {
  'members'?: (_gochat_logic_v1_GroupMember)[];
  'next_cursor'?: (string);
}

export interface ListGroupMembersResponse__Output {
  'members': (_gochat_logic_v1_GroupMember__Output)[];
  'next_cursor': (string);
}
