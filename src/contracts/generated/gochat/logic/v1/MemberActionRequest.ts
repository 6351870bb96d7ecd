// Original file: proto/gochat/logic/v1/moderation.proto

import type { Long } from '@grpc/proto-loader';

export interface MemberActionRequest {
  'user_id'?: (string);
  'conversation_id'?: (string);
  'member_id'?: (string);
  'seconds'?: (number | string | Long);
}

export interface MemberActionRequest__Output {
  'user_id': (string);
  'conversation_id': (string);
  'member_id': (string);
  'seconds': (number);
}
