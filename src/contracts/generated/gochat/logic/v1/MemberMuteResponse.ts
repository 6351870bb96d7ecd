// Original file: proto/gochat/logic/v1/moderation.proto

import type { Long } from '@grpc/proto-loader';

export interface MemberMuteResponse {
  'until'?: (number | string | Long);
}

export interface MemberMuteResponse__Output {
  'until': (number);
}
