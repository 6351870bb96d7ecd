// Original file: proto/gochat/repo/v1/repo.proto

import type { ExpiredRecord as _gochat_repo_v1_ExpiredRecord, ExpiredRecord__Output as _gochat_repo_v1_ExpiredRecord__Output } from '../../../gochat/repo/v1/ExpiredRecord.js';

export interface ExpireMessagesResponse {
  'active'?: (boolean);
  'expired'?: (_gochat_repo_v1_ExpiredRecord)[];
}

export interface ExpireMessagesResponse__Output {
  'active': (boolean);
  'expired': (_gochat_repo_v1_ExpiredRecord__Output)[];
}
