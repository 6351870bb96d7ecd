// Original file: proto/gochat/repo/v1/repo.proto


export interface GatewayUsers {
  'gateway_id'?: (string);
  'user_ids'?: (string)[];
}

export interface GatewayUsers__Output {
  'gateway_id': (string);
  'user_ids': (string)[];
}
