// Original file: proto/gochat/repo/v1/repo.proto

import type { UserPresence as _gochat_repo_v1_UserPresence, UserPresence__Output as _gochat_repo_v1_UserPresence__Output } from '../../../gochat/repo/v1/UserPresence.js';

export interface LookupPresenceResponse {
  'presence'?: (_gochat_repo_v1_UserPresence)[];
}

export interface LookupPresenceResponse__Output {
  'presence': (_gochat_repo_v1_UserPresence__Output)[];
}
