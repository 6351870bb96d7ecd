// Original file: proto/gochat/logic/v1/logic.proto


export interface Empty {
}

export interface Empty__Output {
}
