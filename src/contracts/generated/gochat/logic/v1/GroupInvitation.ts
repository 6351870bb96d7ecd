// Original file: proto/gochat/logic/v1/logic.proto

import type { Long } from '@grpc/proto-loader';

export interface GroupInvitation {
  'conversation_id'?: (string);
  'name'?: (string);
  'inviter_id'?: (string);
  'inviter_display_name'?: (string);
  'created_at'?: (number | string | Long);
}

export interface GroupInvitation__Output {
  'conversation_id': (string);
  'name': (string);
  'inviter_id': (string);
  'inviter_display_name': (string);
  'created_at': (number);
}
