// Original file: proto/gochat/logic/v1/logic.proto


export interface RetentionView {
  'retention_days'?: (number);
  'ttl_seconds'?: (number);
  'deployment_retention_days'?: (number);
}

export interface RetentionView__Output {
  'retention_days': (number);
  'ttl_seconds': (number);
  'deployment_retention_days': (number);
}
