// Original file: proto/gochat/logic/v1/logic.proto


export interface GuestRequest {
  'display_name'?: (string);
}

export interface GuestRequest__Output {
  'display_name': (string);
}
