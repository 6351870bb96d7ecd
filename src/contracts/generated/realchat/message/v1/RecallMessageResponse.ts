// Original file: proto/realchat/message/v1/message_api.proto


export interface RecallMessageResponse {
}

export interface RecallMessageResponse__Output {
}
