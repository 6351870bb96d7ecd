// Original file: proto/gochat/logic/v1/logic.proto

import type { GroupInvitation as _gochat_logic_v1_GroupInvitation, GroupInvitation__Output as _gochat_logic_v1_GroupInvitation__Output } from '../../../gochat/logic/v1/GroupInvitation.js';

export interface InvitationList {
  'invitations'?: (_gochat_logic_v1_GroupInvitation)[];
}

export interface InvitationList__Output {
  'invitations': (_gochat_logic_v1_GroupInvitation__Output)[];
}
