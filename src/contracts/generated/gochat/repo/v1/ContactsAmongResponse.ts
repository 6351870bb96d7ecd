// Original file: proto/gochat/repo/v1/repo.proto


export interface ContactsAmongResponse {
  'contact_ids'?: (string)[];
}

export interface ContactsAmongResponse__Output {
  'contact_ids': (string)[];
}
