// Original file: proto/realchat/message/v1/message_api.proto


export interface Reaction {
  'emoji'?: (string);
  'user_ids'?: (string)[];
}

export interface Reaction__Output {
  'emoji': (string);
  'user_ids': (string)[];
}
