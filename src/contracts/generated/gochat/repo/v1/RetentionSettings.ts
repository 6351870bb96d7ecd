// Original file: proto/gochat/repo/v1/repo.proto


export interface RetentionSettings {
  'retention_days'?: (number);
  'ttl_seconds'?: (number);
}

export interface RetentionSettings__Output {
  'retention_days': (number);
  'ttl_seconds': (number);
}
