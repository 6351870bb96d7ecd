// Original file: proto/realchat/message/v1/message_api.proto


export interface DeleteMessageResponse {
}

export interface DeleteMessageResponse__Output {
}
