// Original file: proto/gochat/repo/v1/repo.proto

import type { Message as _gochat_repo_v1_Message, Message__Output as _gochat_repo_v1_Message__Output } from '../../../gochat/repo/v1/Message.js';

export interface InsertMessagesResponse {
  'inserted'?: (_gochat_repo_v1_Message)[];
}

export interface InsertMessagesResponse__Output {
  'inserted': (_gochat_repo_v1_Message__Output)[];
}
