// Original file: proto/gochat/repo/v1/repo.proto


export interface OutboxEvent {
  'topic'?: (string);
  'key'?: (string);
  'value'?: (Buffer | Uint8Array | string);
  'headers'?: ({[key: string]: string});
}

export interface OutboxEvent__Output {
  'topic': (string);
  'key': (string);
  'value': (Buffer);
  'headers': ({[key: string]: string});
}
