// Original file: proto/gochat/repo/v1/repo.proto


export interface SearchScope {
  'contacts_of'?: (string);
  'discoverable'?: (boolean);
  'exact_username'?: (string);
}

export interface SearchScope__Output {
  'contacts_of': (string);
  'discoverable': (boolean);
  'exact_username': (string);
}
