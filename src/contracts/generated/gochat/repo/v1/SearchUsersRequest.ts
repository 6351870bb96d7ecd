// Original file: proto/gochat/repo/v1/repo.proto

import type { SearchScope as _gochat_repo_v1_SearchScope, SearchScope__Output as _gochat_repo_v1_SearchScope__Output } from '../../../gochat/repo/v1/SearchScope.js';

export interface SearchUsersRequest {
  'prefix'?: (string);
  'after_user_id'?: (string);
  'limit'?: (number);
  'scope'?: (_gochat_repo_v1_SearchScope | null);
}

export interface SearchUsersRequest__Output {
  'prefix': (string);
  'after_user_id': (string);
  'limit': (number);
  'scope': (_gochat_repo_v1_SearchScope__Output | null);
}
