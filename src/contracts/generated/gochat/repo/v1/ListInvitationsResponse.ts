// Original file: proto/gochat/repo/v1/repo.proto

import type { Invitation as _gochat_repo_v1_Invitation, Invitation__Output as _gochat_repo_v1_Invitation__Output } from '../../../gochat/repo/v1/Invitation.js';

export interface ListInvitationsResponse {
  'invitations'?: (_gochat_repo_v1_Invitation)[];
}

export interface ListInvitationsResponse__Output {
  'invitations': (_gochat_repo_v1_Invitation__Output)[];
}
