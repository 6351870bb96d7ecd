// Original file: proto/gochat/repo/v1/repo.proto

import type { Long } from '@grpc/proto-loader';

export interface Invitation {
  'conversation_id'?: (string);
  'invitee_id'?: (string);
  'inviter_id'?: (string);
  'created_at'?: (number | string | Long);
  'conversation_name'?: (string);
}

export interface Invitation__Output {
  'conversation_id': (string);
  'invitee_id': (string);
  'inviter_id': (string);
  'created_at': (number);
  'conversation_name': (string);
}
