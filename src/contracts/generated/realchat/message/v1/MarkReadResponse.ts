// Original file: proto/realchat/message/v1/message_api.proto


export interface MarkReadResponse {
}

export interface MarkReadResponse__Output {
}
