// Original file: proto/gochat/repo/v1/repo.proto

import type { Message as _gochat_repo_v1_Message, Message__Output as _gochat_repo_v1_Message__Output } from '../../../gochat/repo/v1/Message.js';

export interface StoreMessageResponse {
  'message'?: (_gochat_repo_v1_Message | null);
  'duplicate'?: (boolean);
}

export interface StoreMessageResponse__Output {
  'message': (_gochat_repo_v1_Message__Output | null);
  'duplicate': (boolean);
}
