// Original file: proto/gochat/repo/v1/repo.proto


export interface Empty {
}

export interface Empty__Output {
}
