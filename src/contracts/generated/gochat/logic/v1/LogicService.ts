// Original file: proto/gochat/logic/v1/logic.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddGroupMembersRequest as _gochat_logic_v1_AddGroupMembersRequest, AddGroupMembersRequest__Output as _gochat_logic_v1_AddGroupMembersRequest__Output } from '../../../gochat/logic/v1/AddGroupMembersRequest.js';
import type { AttachmentInfo as _gochat_logic_v1_AttachmentInfo, AttachmentInfo__Output as _gochat_logic_v1_AttachmentInfo__Output } from '../../../gochat/logic/v1/AttachmentInfo.js';
import type { AttachmentRequest as _gochat_logic_v1_AttachmentRequest, AttachmentRequest__Output as _gochat_logic_v1_AttachmentRequest__Output } from '../../../gochat/logic/v1/AttachmentRequest.js';
import type { AuthResponse as _gochat_logic_v1_AuthResponse, AuthResponse__Output as _gochat_logic_v1_AuthResponse__Output } from '../../../gochat/logic/v1/AuthResponse.js';
import type { BanList as _gochat_logic_v1_BanList, BanList__Output as _gochat_logic_v1_BanList__Output } from '../../../gochat/logic/v1/BanList.js';
import type { BlockList as _gochat_logic_v1_BlockList, BlockList__Output as _gochat_logic_v1_BlockList__Output } from '../../../gochat/logic/v1/BlockList.js';
import type { BlockedAmongRequest as _gochat_logic_v1_BlockedAmongRequest, BlockedAmongRequest__Output as _gochat_logic_v1_BlockedAmongRequest__Output } from '../../../gochat/logic/v1/BlockedAmongRequest.js';
import type { BlockedAmongResponse as _gochat_logic_v1_BlockedAmongResponse, BlockedAmongResponse__Output as _gochat_logic_v1_BlockedAmongResponse__Output } from '../../../gochat/logic/v1/BlockedAmongResponse.js';
import type { BulkCreateUsersRequest as _gochat_logic_v1_BulkCreateUsersRequest, BulkCreateUsersRequest__Output as _gochat_logic_v1_BulkCreateUsersRequest__Output } from '../../../gochat/logic/v1/BulkCreateUsersRequest.js';
import type { BulkCreateUsersResponse as _gochat_logic_v1_BulkCreateUsersResponse, BulkCreateUsersResponse__Output as _gochat_logic_v1_BulkCreateUsersResponse__Output } from '../../../gochat/logic/v1/BulkCreateUsersResponse.js';
import type { CheckRevokedRequest as _gochat_logic_v1_CheckRevokedRequest, CheckRevokedRequest__Output as _gochat_logic_v1_CheckRevokedRequest__Output } from '../../../gochat/logic/v1/CheckRevokedRequest.js';
import type { CheckRevokedResponse as _gochat_logic_v1_CheckRevokedResponse, CheckRevokedResponse__Output as _gochat_logic_v1_CheckRevokedResponse__Output } from '../../../gochat/logic/v1/CheckRevokedResponse.js';
import type { CreateDirectRequest as _gochat_logic_v1_CreateDirectRequest, CreateDirectRequest__Output as _gochat_logic_v1_CreateDirectRequest__Output } from '../../../gochat/logic/v1/CreateDirectRequest.js';
import type { CreateDirectResponse as _gochat_logic_v1_CreateDirectResponse, CreateDirectResponse__Output as _gochat_logic_v1_CreateDirectResponse__Output } from '../../../gochat/logic/v1/CreateDirectResponse.js';
import type { CreateGroupRequest as _gochat_logic_v1_CreateGroupRequest, CreateGroupRequest__Output as _gochat_logic_v1_CreateGroupRequest__Output } from '../../../gochat/logic/v1/CreateGroupRequest.js';
import type { CreateGroupResponse as _gochat_logic_v1_CreateGroupResponse, CreateGroupResponse__Output as _gochat_logic_v1_CreateGroupResponse__Output } from '../../../gochat/logic/v1/CreateGroupResponse.js';
import type { CreateUploadRequest as _gochat_logic_v1_CreateUploadRequest, CreateUploadRequest__Output as _gochat_logic_v1_CreateUploadRequest__Output } from '../../../gochat/logic/v1/CreateUploadRequest.js';
import type { Empty as _gochat_logic_v1_Empty, Empty__Output as _gochat_logic_v1_Empty__Output } from '../../../gochat/logic/v1/Empty.js';
import type { FriendRequest as _gochat_logic_v1_FriendRequest, FriendRequest__Output as _gochat_logic_v1_FriendRequest__Output } from '../../../gochat/logic/v1/FriendRequest.js';
import type { GetUsersRequest as _gochat_logic_v1_GetUsersRequest, GetUsersRequest__Output as _gochat_logic_v1_GetUsersRequest__Output } from '../../../gochat/logic/v1/GetUsersRequest.js';
import type { GroupAdds as _gochat_logic_v1_GroupAdds, GroupAdds__Output as _gochat_logic_v1_GroupAdds__Output } from '../../../gochat/logic/v1/GroupAdds.js';
import type { GroupRef as _gochat_logic_v1_GroupRef, GroupRef__Output as _gochat_logic_v1_GroupRef__Output } from '../../../gochat/logic/v1/GroupRef.js';
import type { GuestRequest as _gochat_logic_v1_GuestRequest, GuestRequest__Output as _gochat_logic_v1_GuestRequest__Output } from '../../../gochat/logic/v1/GuestRequest.js';
import type { InvitationList as _gochat_logic_v1_InvitationList, InvitationList__Output as _gochat_logic_v1_InvitationList__Output } from '../../../gochat/logic/v1/InvitationList.js';
import type { InvitationRequest as _gochat_logic_v1_InvitationRequest, InvitationRequest__Output as _gochat_logic_v1_InvitationRequest__Output } from '../../../gochat/logic/v1/InvitationRequest.js';
import type { ListConversationsResponse as _gochat_logic_v1_ListConversationsResponse, ListConversationsResponse__Output as _gochat_logic_v1_ListConversationsResponse__Output } from '../../../gochat/logic/v1/ListConversationsResponse.js';
import type { ListGroupMembersRequest as _gochat_logic_v1_ListGroupMembersRequest, ListGroupMembersRequest__Output as _gochat_logic_v1_ListGroupMembersRequest__Output } from '../../../gochat/logic/v1/ListGroupMembersRequest.js';
import type { ListGroupMembersResponse as _gochat_logic_v1_ListGroupMembersResponse, ListGroupMembersResponse__Output as _gochat_logic_v1_ListGroupMembersResponse__Output } from '../../../gochat/logic/v1/ListGroupMembersResponse.js';
import type { LoginRequest as _gochat_logic_v1_LoginRequest, LoginRequest__Output as _gochat_logic_v1_LoginRequest__Output } from '../../../gochat/logic/v1/LoginRequest.js';
import type { LogoutRequest as _gochat_logic_v1_LogoutRequest, LogoutRequest__Output as _gochat_logic_v1_LogoutRequest__Output } from '../../../gochat/logic/v1/LogoutRequest.js';
import type { Me as _gochat_logic_v1_Me, Me__Output as _gochat_logic_v1_Me__Output } from '../../../gochat/logic/v1/Me.js';
import type { MemberActionRequest as _gochat_logic_v1_MemberActionRequest, MemberActionRequest__Output as _gochat_logic_v1_MemberActionRequest__Output } from '../../../gochat/logic/v1/MemberActionRequest.js';
import type { MemberMuteResponse as _gochat_logic_v1_MemberMuteResponse, MemberMuteResponse__Output as _gochat_logic_v1_MemberMuteResponse__Output } from '../../../gochat/logic/v1/MemberMuteResponse.js';
import type { MuteConversationRequest as _gochat_logic_v1_MuteConversationRequest, MuteConversationRequest__Output as _gochat_logic_v1_MuteConversationRequest__Output } from '../../../gochat/logic/v1/MuteConversationRequest.js';
import type { PeerRef as _gochat_logic_v1_PeerRef, PeerRef__Output as _gochat_logic_v1_PeerRef__Output } from '../../../gochat/logic/v1/PeerRef.js';
import type { RefreshRequest as _gochat_logic_v1_RefreshRequest, RefreshRequest__Output as _gochat_logic_v1_RefreshRequest__Output } from '../../../gochat/logic/v1/RefreshRequest.js';
import type { RegisterRequest as _gochat_logic_v1_RegisterRequest, RegisterRequest__Output as _gochat_logic_v1_RegisterRequest__Output } from '../../../gochat/logic/v1/RegisterRequest.js';
import type { RemoveGroupMemberRequest as _gochat_logic_v1_RemoveGroupMemberRequest, RemoveGroupMemberRequest__Output as _gochat_logic_v1_RemoveGroupMemberRequest__Output } from '../../../gochat/logic/v1/RemoveGroupMemberRequest.js';
import type { RetentionRequest as _gochat_logic_v1_RetentionRequest, RetentionRequest__Output as _gochat_logic_v1_RetentionRequest__Output } from '../../../gochat/logic/v1/RetentionRequest.js';
import type { RetentionView as _gochat_logic_v1_RetentionView, RetentionView__Output as _gochat_logic_v1_RetentionView__Output } from '../../../gochat/logic/v1/RetentionView.js';
import type { SearchUsersRequest as _gochat_logic_v1_SearchUsersRequest, SearchUsersRequest__Output as _gochat_logic_v1_SearchUsersRequest__Output } from '../../../gochat/logic/v1/SearchUsersRequest.js';
import type { SetAnnouncementRequest as _gochat_logic_v1_SetAnnouncementRequest, SetAnnouncementRequest__Output as _gochat_logic_v1_SetAnnouncementRequest__Output } from '../../../gochat/logic/v1/SetAnnouncementRequest.js';
import type { SignedUrl as _gochat_logic_v1_SignedUrl, SignedUrl__Output as _gochat_logic_v1_SignedUrl__Output } from '../../../gochat/logic/v1/SignedUrl.js';
import type { TypingRequest as _gochat_logic_v1_TypingRequest, TypingRequest__Output as _gochat_logic_v1_TypingRequest__Output } from '../../../gochat/logic/v1/TypingRequest.js';
import type { UpdateMeRequest as _gochat_logic_v1_UpdateMeRequest, UpdateMeRequest__Output as _gochat_logic_v1_UpdateMeRequest__Output } from '../../../gochat/logic/v1/UpdateMeRequest.js';
import type { UploadSlot as _gochat_logic_v1_UploadSlot, UploadSlot__Output as _gochat_logic_v1_UploadSlot__Output } from '../../../gochat/logic/v1/UploadSlot.js';
import type { UserList as _gochat_logic_v1_UserList, UserList__Output as _gochat_logic_v1_UserList__Output } from '../../../gochat/logic/v1/UserList.js';
import type { UserRef as _gochat_logic_v1_UserRef, UserRef__Output as _gochat_logic_v1_UserRef__Output } from '../../../gochat/logic/v1/UserRef.js';
import type { VerifyTokenRequest as _gochat_logic_v1_VerifyTokenRequest, VerifyTokenRequest__Output as _gochat_logic_v1_VerifyTokenRequest__Output } from '../../../gochat/logic/v1/VerifyTokenRequest.js';
import type { VerifyTokenResponse as _gochat_logic_v1_VerifyTokenResponse, VerifyTokenResponse__Output as _gochat_logic_v1_VerifyTokenResponse__Output } from '../../../gochat/logic/v1/VerifyTokenResponse.js';

export interface LogicServiceClient extends grpc.Client {
  AcceptFriend(argument: _gochat_logic_v1_FriendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  AcceptFriend(argument: _gochat_logic_v1_FriendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  AcceptFriend(argument: _gochat_logic_v1_FriendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  AcceptFriend(argument: _gochat_logic_v1_FriendRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  acceptFriend(argument: _gochat_logic_v1_FriendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  acceptFriend(argument: _gochat_logic_v1_FriendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  acceptFriend(argument: _gochat_logic_v1_FriendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  acceptFriend(argument: _gochat_logic_v1_FriendRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  AcceptInvitation(argument: _gochat_logic_v1_InvitationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  AcceptInvitation(argument: _gochat_logic_v1_InvitationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  AcceptInvitation(argument: _gochat_logic_v1_InvitationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  AcceptInvitation(argument: _gochat_logic_v1_InvitationRequest, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  acceptInvitation(argument: _gochat_logic_v1_InvitationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  acceptInvitation(argument: _gochat_logic_v1_InvitationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  acceptInvitation(argument: _gochat_logic_v1_InvitationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  acceptInvitation(argument: _gochat_logic_v1_InvitationRequest, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  
  AddGroupMembers(argument: _gochat_logic_v1_AddGroupMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_GroupAdds__Output>): grpc.ClientUnaryCall;
  AddGroupMembers(argument: _gochat_logic_v1_AddGroupMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_GroupAdds__Output>): grpc.ClientUnaryCall;
  AddGroupMembers(argument: _gochat_logic_v1_AddGroupMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_GroupAdds__Output>): grpc.ClientUnaryCall;
  AddGroupMembers(argument: _gochat_logic_v1_AddGroupMembersRequest, callback: grpc.requestCallback<_gochat_logic_v1_GroupAdds__Output>): grpc.ClientUnaryCall;
  addGroupMembers(argument: _gochat_logic_v1_AddGroupMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_GroupAdds__Output>): grpc.ClientUnaryCall;
  addGroupMembers(argument: _gochat_logic_v1_AddGroupMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_GroupAdds__Output>): grpc.ClientUnaryCall;
  addGroupMembers(argument: _gochat_logic_v1_AddGroupMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_GroupAdds__Output>): grpc.ClientUnaryCall;
  addGroupMembers(argument: _gochat_logic_v1_AddGroupMembersRequest, callback: grpc.requestCallback<_gochat_logic_v1_GroupAdds__Output>): grpc.ClientUnaryCall;
  
  BanMember(argument: _gochat_logic_v1_MemberActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  BanMember(argument: _gochat_logic_v1_MemberActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  BanMember(argument: _gochat_logic_v1_MemberActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  BanMember(argument: _gochat_logic_v1_MemberActionRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  banMember(argument: _gochat_logic_v1_MemberActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  banMember(argument: _gochat_logic_v1_MemberActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  banMember(argument: _gochat_logic_v1_MemberActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  banMember(argument: _gochat_logic_v1_MemberActionRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  BlockUser(argument: _gochat_logic_v1_PeerRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  BlockUser(argument: _gochat_logic_v1_PeerRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  BlockUser(argument: _gochat_logic_v1_PeerRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  BlockUser(argument: _gochat_logic_v1_PeerRef, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  blockUser(argument: _gochat_logic_v1_PeerRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  blockUser(argument: _gochat_logic_v1_PeerRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  blockUser(argument: _gochat_logic_v1_PeerRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  blockUser(argument: _gochat_logic_v1_PeerRef, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  BlockedAmong(argument: _gochat_logic_v1_BlockedAmongRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BlockedAmongResponse__Output>): grpc.ClientUnaryCall;
  BlockedAmong(argument: _gochat_logic_v1_BlockedAmongRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_BlockedAmongResponse__Output>): grpc.ClientUnaryCall;
  BlockedAmong(argument: _gochat_logic_v1_BlockedAmongRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BlockedAmongResponse__Output>): grpc.ClientUnaryCall;
  BlockedAmong(argument: _gochat_logic_v1_BlockedAmongRequest, callback: grpc.requestCallback<_gochat_logic_v1_BlockedAmongResponse__Output>): grpc.ClientUnaryCall;
  blockedAmong(argument: _gochat_logic_v1_BlockedAmongRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BlockedAmongResponse__Output>): grpc.ClientUnaryCall;
  blockedAmong(argument: _gochat_logic_v1_BlockedAmongRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_BlockedAmongResponse__Output>): grpc.ClientUnaryCall;
  blockedAmong(argument: _gochat_logic_v1_BlockedAmongRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BlockedAmongResponse__Output>): grpc.ClientUnaryCall;
  blockedAmong(argument: _gochat_logic_v1_BlockedAmongRequest, callback: grpc.requestCallback<_gochat_logic_v1_BlockedAmongResponse__Output>): grpc.ClientUnaryCall;
  
  BulkCreateUsers(argument: _gochat_logic_v1_BulkCreateUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BulkCreateUsersResponse__Output>): grpc.ClientUnaryCall;
  BulkCreateUsers(argument: _gochat_logic_v1_BulkCreateUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_BulkCreateUsersResponse__Output>): grpc.ClientUnaryCall;
  BulkCreateUsers(argument: _gochat_logic_v1_BulkCreateUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BulkCreateUsersResponse__Output>): grpc.ClientUnaryCall;
  BulkCreateUsers(argument: _gochat_logic_v1_BulkCreateUsersRequest, callback: grpc.requestCallback<_gochat_logic_v1_BulkCreateUsersResponse__Output>): grpc.ClientUnaryCall;
  bulkCreateUsers(argument: _gochat_logic_v1_BulkCreateUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BulkCreateUsersResponse__Output>): grpc.ClientUnaryCall;
  bulkCreateUsers(argument: _gochat_logic_v1_BulkCreateUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_BulkCreateUsersResponse__Output>): grpc.ClientUnaryCall;
  bulkCreateUsers(argument: _gochat_logic_v1_BulkCreateUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BulkCreateUsersResponse__Output>): grpc.ClientUnaryCall;
  bulkCreateUsers(argument: _gochat_logic_v1_BulkCreateUsersRequest, callback: grpc.requestCallback<_gochat_logic_v1_BulkCreateUsersResponse__Output>): grpc.ClientUnaryCall;
  
  CheckRevoked(argument: _gochat_logic_v1_CheckRevokedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  CheckRevoked(argument: _gochat_logic_v1_CheckRevokedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  CheckRevoked(argument: _gochat_logic_v1_CheckRevokedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  CheckRevoked(argument: _gochat_logic_v1_CheckRevokedRequest, callback: grpc.requestCallback<_gochat_logic_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  checkRevoked(argument: _gochat_logic_v1_CheckRevokedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  checkRevoked(argument: _gochat_logic_v1_CheckRevokedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  checkRevoked(argument: _gochat_logic_v1_CheckRevokedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  checkRevoked(argument: _gochat_logic_v1_CheckRevokedRequest, callback: grpc.requestCallback<_gochat_logic_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  
  CompleteUpload(argument: _gochat_logic_v1_AttachmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AttachmentInfo__Output>): grpc.ClientUnaryCall;
  CompleteUpload(argument: _gochat_logic_v1_AttachmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_AttachmentInfo__Output>): grpc.ClientUnaryCall;
  CompleteUpload(argument: _gochat_logic_v1_AttachmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AttachmentInfo__Output>): grpc.ClientUnaryCall;
  CompleteUpload(argument: _gochat_logic_v1_AttachmentRequest, callback: grpc.requestCallback<_gochat_logic_v1_AttachmentInfo__Output>): grpc.ClientUnaryCall;
  completeUpload(argument: _gochat_logic_v1_AttachmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AttachmentInfo__Output>): grpc.ClientUnaryCall;
  completeUpload(argument: _gochat_logic_v1_AttachmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_AttachmentInfo__Output>): grpc.ClientUnaryCall;
  completeUpload(argument: _gochat_logic_v1_AttachmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AttachmentInfo__Output>): grpc.ClientUnaryCall;
  completeUpload(argument: _gochat_logic_v1_AttachmentRequest, callback: grpc.requestCallback<_gochat_logic_v1_AttachmentInfo__Output>): grpc.ClientUnaryCall;
  
  CreateDirect(argument: _gochat_logic_v1_CreateDirectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CreateDirectResponse__Output>): grpc.ClientUnaryCall;
  CreateDirect(argument: _gochat_logic_v1_CreateDirectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_CreateDirectResponse__Output>): grpc.ClientUnaryCall;
  CreateDirect(argument: _gochat_logic_v1_CreateDirectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CreateDirectResponse__Output>): grpc.ClientUnaryCall;
  CreateDirect(argument: _gochat_logic_v1_CreateDirectRequest, callback: grpc.requestCallback<_gochat_logic_v1_CreateDirectResponse__Output>): grpc.ClientUnaryCall;
  createDirect(argument: _gochat_logic_v1_CreateDirectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CreateDirectResponse__Output>): grpc.ClientUnaryCall;
  createDirect(argument: _gochat_logic_v1_CreateDirectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_CreateDirectResponse__Output>): grpc.ClientUnaryCall;
  createDirect(argument: _gochat_logic_v1_CreateDirectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CreateDirectResponse__Output>): grpc.ClientUnaryCall;
  createDirect(argument: _gochat_logic_v1_CreateDirectRequest, callback: grpc.requestCallback<_gochat_logic_v1_CreateDirectResponse__Output>): grpc.ClientUnaryCall;
  
  CreateGroup(argument: _gochat_logic_v1_CreateGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  CreateGroup(argument: _gochat_logic_v1_CreateGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  CreateGroup(argument: _gochat_logic_v1_CreateGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  CreateGroup(argument: _gochat_logic_v1_CreateGroupRequest, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  createGroup(argument: _gochat_logic_v1_CreateGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  createGroup(argument: _gochat_logic_v1_CreateGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  createGroup(argument: _gochat_logic_v1_CreateGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  createGroup(argument: _gochat_logic_v1_CreateGroupRequest, callback: grpc.requestCallback<_gochat_logic_v1_CreateGroupResponse__Output>): grpc.ClientUnaryCall;
  
  CreateUpload(argument: _gochat_logic_v1_CreateUploadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_UploadSlot__Output>): grpc.ClientUnaryCall;
  CreateUpload(argument: _gochat_logic_v1_CreateUploadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_UploadSlot__Output>): grpc.ClientUnaryCall;
  CreateUpload(argument: _gochat_logic_v1_CreateUploadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_UploadSlot__Output>): grpc.ClientUnaryCall;
  CreateUpload(argument: _gochat_logic_v1_CreateUploadRequest, callback: grpc.requestCallback<_gochat_logic_v1_UploadSlot__Output>): grpc.ClientUnaryCall;
  createUpload(argument: _gochat_logic_v1_CreateUploadRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_UploadSlot__Output>): grpc.ClientUnaryCall;
  createUpload(argument: _gochat_logic_v1_CreateUploadRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_UploadSlot__Output>): grpc.ClientUnaryCall;
  createUpload(argument: _gochat_logic_v1_CreateUploadRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_UploadSlot__Output>): grpc.ClientUnaryCall;
  createUpload(argument: _gochat_logic_v1_CreateUploadRequest, callback: grpc.requestCallback<_gochat_logic_v1_UploadSlot__Output>): grpc.ClientUnaryCall;
  
  DeclineInvitation(argument: _gochat_logic_v1_InvitationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeclineInvitation(argument: _gochat_logic_v1_InvitationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeclineInvitation(argument: _gochat_logic_v1_InvitationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeclineInvitation(argument: _gochat_logic_v1_InvitationRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  declineInvitation(argument: _gochat_logic_v1_InvitationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  declineInvitation(argument: _gochat_logic_v1_InvitationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  declineInvitation(argument: _gochat_logic_v1_InvitationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  declineInvitation(argument: _gochat_logic_v1_InvitationRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  GetDownloadUrl(argument: _gochat_logic_v1_AttachmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_SignedUrl__Output>): grpc.ClientUnaryCall;
  GetDownloadUrl(argument: _gochat_logic_v1_AttachmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_SignedUrl__Output>): grpc.ClientUnaryCall;
  GetDownloadUrl(argument: _gochat_logic_v1_AttachmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_SignedUrl__Output>): grpc.ClientUnaryCall;
  GetDownloadUrl(argument: _gochat_logic_v1_AttachmentRequest, callback: grpc.requestCallback<_gochat_logic_v1_SignedUrl__Output>): grpc.ClientUnaryCall;
  getDownloadUrl(argument: _gochat_logic_v1_AttachmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_SignedUrl__Output>): grpc.ClientUnaryCall;
  getDownloadUrl(argument: _gochat_logic_v1_AttachmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_SignedUrl__Output>): grpc.ClientUnaryCall;
  getDownloadUrl(argument: _gochat_logic_v1_AttachmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_SignedUrl__Output>): grpc.ClientUnaryCall;
  getDownloadUrl(argument: _gochat_logic_v1_AttachmentRequest, callback: grpc.requestCallback<_gochat_logic_v1_SignedUrl__Output>): grpc.ClientUnaryCall;
  
  GetMe(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  GetMe(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  GetMe(argument: _gochat_logic_v1_UserRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  GetMe(argument: _gochat_logic_v1_UserRef, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  getMe(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  getMe(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  getMe(argument: _gochat_logic_v1_UserRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  getMe(argument: _gochat_logic_v1_UserRef, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  
  GetRetention(argument: _gochat_logic_v1_RetentionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  GetRetention(argument: _gochat_logic_v1_RetentionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  GetRetention(argument: _gochat_logic_v1_RetentionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  GetRetention(argument: _gochat_logic_v1_RetentionRequest, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  getRetention(argument: _gochat_logic_v1_RetentionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  getRetention(argument: _gochat_logic_v1_RetentionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  getRetention(argument: _gochat_logic_v1_RetentionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  getRetention(argument: _gochat_logic_v1_RetentionRequest, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  
  GetUsers(argument: _gochat_logic_v1_GetUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  GetUsers(argument: _gochat_logic_v1_GetUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  GetUsers(argument: _gochat_logic_v1_GetUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  GetUsers(argument: _gochat_logic_v1_GetUsersRequest, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  getUsers(argument: _gochat_logic_v1_GetUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  getUsers(argument: _gochat_logic_v1_GetUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  getUsers(argument: _gochat_logic_v1_GetUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  getUsers(argument: _gochat_logic_v1_GetUsersRequest, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  
  Guest(argument: _gochat_logic_v1_GuestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Guest(argument: _gochat_logic_v1_GuestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Guest(argument: _gochat_logic_v1_GuestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Guest(argument: _gochat_logic_v1_GuestRequest, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  guest(argument: _gochat_logic_v1_GuestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  guest(argument: _gochat_logic_v1_GuestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  guest(argument: _gochat_logic_v1_GuestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  guest(argument: _gochat_logic_v1_GuestRequest, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  
  ListBans(argument: _gochat_logic_v1_GroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BanList__Output>): grpc.ClientUnaryCall;
  ListBans(argument: _gochat_logic_v1_GroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_BanList__Output>): grpc.ClientUnaryCall;
  ListBans(argument: _gochat_logic_v1_GroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BanList__Output>): grpc.ClientUnaryCall;
  ListBans(argument: _gochat_logic_v1_GroupRef, callback: grpc.requestCallback<_gochat_logic_v1_BanList__Output>): grpc.ClientUnaryCall;
  listBans(argument: _gochat_logic_v1_GroupRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BanList__Output>): grpc.ClientUnaryCall;
  listBans(argument: _gochat_logic_v1_GroupRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_BanList__Output>): grpc.ClientUnaryCall;
  listBans(argument: _gochat_logic_v1_GroupRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BanList__Output>): grpc.ClientUnaryCall;
  listBans(argument: _gochat_logic_v1_GroupRef, callback: grpc.requestCallback<_gochat_logic_v1_BanList__Output>): grpc.ClientUnaryCall;
  
  ListBlocks(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BlockList__Output>): grpc.ClientUnaryCall;
  ListBlocks(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_BlockList__Output>): grpc.ClientUnaryCall;
  ListBlocks(argument: _gochat_logic_v1_UserRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BlockList__Output>): grpc.ClientUnaryCall;
  ListBlocks(argument: _gochat_logic_v1_UserRef, callback: grpc.requestCallback<_gochat_logic_v1_BlockList__Output>): grpc.ClientUnaryCall;
  listBlocks(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BlockList__Output>): grpc.ClientUnaryCall;
  listBlocks(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_BlockList__Output>): grpc.ClientUnaryCall;
  listBlocks(argument: _gochat_logic_v1_UserRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_BlockList__Output>): grpc.ClientUnaryCall;
  listBlocks(argument: _gochat_logic_v1_UserRef, callback: grpc.requestCallback<_gochat_logic_v1_BlockList__Output>): grpc.ClientUnaryCall;
  
  ListConversations(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_ListConversationsResponse__Output>): grpc.ClientUnaryCall;
  ListConversations(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_ListConversationsResponse__Output>): grpc.ClientUnaryCall;
  ListConversations(argument: _gochat_logic_v1_UserRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_ListConversationsResponse__Output>): grpc.ClientUnaryCall;
  ListConversations(argument: _gochat_logic_v1_UserRef, callback: grpc.requestCallback<_gochat_logic_v1_ListConversationsResponse__Output>): grpc.ClientUnaryCall;
  listConversations(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_ListConversationsResponse__Output>): grpc.ClientUnaryCall;
  listConversations(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_ListConversationsResponse__Output>): grpc.ClientUnaryCall;
  listConversations(argument: _gochat_logic_v1_UserRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_ListConversationsResponse__Output>): grpc.ClientUnaryCall;
  listConversations(argument: _gochat_logic_v1_UserRef, callback: grpc.requestCallback<_gochat_logic_v1_ListConversationsResponse__Output>): grpc.ClientUnaryCall;
  
  ListGroupMembers(argument: _gochat_logic_v1_ListGroupMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  ListGroupMembers(argument: _gochat_logic_v1_ListGroupMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  ListGroupMembers(argument: _gochat_logic_v1_ListGroupMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  ListGroupMembers(argument: _gochat_logic_v1_ListGroupMembersRequest, callback: grpc.requestCallback<_gochat_logic_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  listGroupMembers(argument: _gochat_logic_v1_ListGroupMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  listGroupMembers(argument: _gochat_logic_v1_ListGroupMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  listGroupMembers(argument: _gochat_logic_v1_ListGroupMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  listGroupMembers(argument: _gochat_logic_v1_ListGroupMembersRequest, callback: grpc.requestCallback<_gochat_logic_v1_ListGroupMembersResponse__Output>): grpc.ClientUnaryCall;
  
  ListInvitations(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_InvitationList__Output>): grpc.ClientUnaryCall;
  ListInvitations(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_InvitationList__Output>): grpc.ClientUnaryCall;
  ListInvitations(argument: _gochat_logic_v1_UserRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_InvitationList__Output>): grpc.ClientUnaryCall;
  ListInvitations(argument: _gochat_logic_v1_UserRef, callback: grpc.requestCallback<_gochat_logic_v1_InvitationList__Output>): grpc.ClientUnaryCall;
  listInvitations(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_InvitationList__Output>): grpc.ClientUnaryCall;
  listInvitations(argument: _gochat_logic_v1_UserRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_InvitationList__Output>): grpc.ClientUnaryCall;
  listInvitations(argument: _gochat_logic_v1_UserRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_InvitationList__Output>): grpc.ClientUnaryCall;
  listInvitations(argument: _gochat_logic_v1_UserRef, callback: grpc.requestCallback<_gochat_logic_v1_InvitationList__Output>): grpc.ClientUnaryCall;
  
  Login(argument: _gochat_logic_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _gochat_logic_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _gochat_logic_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _gochat_logic_v1_LoginRequest, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _gochat_logic_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _gochat_logic_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _gochat_logic_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _gochat_logic_v1_LoginRequest, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  
  Logout(argument: _gochat_logic_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  Logout(argument: _gochat_logic_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  Logout(argument: _gochat_logic_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  Logout(argument: _gochat_logic_v1_LogoutRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  logout(argument: _gochat_logic_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  logout(argument: _gochat_logic_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  logout(argument: _gochat_logic_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  logout(argument: _gochat_logic_v1_LogoutRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  MuteConversation(argument: _gochat_logic_v1_MuteConversationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  MuteConversation(argument: _gochat_logic_v1_MuteConversationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  MuteConversation(argument: _gochat_logic_v1_MuteConversationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  MuteConversation(argument: _gochat_logic_v1_MuteConversationRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  muteConversation(argument: _gochat_logic_v1_MuteConversationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  muteConversation(argument: _gochat_logic_v1_MuteConversationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  muteConversation(argument: _gochat_logic_v1_MuteConversationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  muteConversation(argument: _gochat_logic_v1_MuteConversationRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  MuteMember(argument: _gochat_logic_v1_MemberActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_MemberMuteResponse__Output>): grpc.ClientUnaryCall;
  MuteMember(argument: _gochat_logic_v1_MemberActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_MemberMuteResponse__Output>): grpc.ClientUnaryCall;
  MuteMember(argument: _gochat_logic_v1_MemberActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_MemberMuteResponse__Output>): grpc.ClientUnaryCall;
  MuteMember(argument: _gochat_logic_v1_MemberActionRequest, callback: grpc.requestCallback<_gochat_logic_v1_MemberMuteResponse__Output>): grpc.ClientUnaryCall;
  muteMember(argument: _gochat_logic_v1_MemberActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_MemberMuteResponse__Output>): grpc.ClientUnaryCall;
  muteMember(argument: _gochat_logic_v1_MemberActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_MemberMuteResponse__Output>): grpc.ClientUnaryCall;
  muteMember(argument: _gochat_logic_v1_MemberActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_MemberMuteResponse__Output>): grpc.ClientUnaryCall;
  muteMember(argument: _gochat_logic_v1_MemberActionRequest, callback: grpc.requestCallback<_gochat_logic_v1_MemberMuteResponse__Output>): grpc.ClientUnaryCall;
  
  Refresh(argument: _gochat_logic_v1_RefreshRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _gochat_logic_v1_RefreshRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _gochat_logic_v1_RefreshRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _gochat_logic_v1_RefreshRequest, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  refresh(argument: _gochat_logic_v1_RefreshRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  refresh(argument: _gochat_logic_v1_RefreshRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  refresh(argument: _gochat_logic_v1_RefreshRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  refresh(argument: _gochat_logic_v1_RefreshRequest, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  
  Register(argument: _gochat_logic_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _gochat_logic_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _gochat_logic_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _gochat_logic_v1_RegisterRequest, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _gochat_logic_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _gochat_logic_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _gochat_logic_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _gochat_logic_v1_RegisterRequest, callback: grpc.requestCallback<_gochat_logic_v1_AuthResponse__Output>): grpc.ClientUnaryCall;
  
  RemoveGroupMember(argument: _gochat_logic_v1_RemoveGroupMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  RemoveGroupMember(argument: _gochat_logic_v1_RemoveGroupMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  RemoveGroupMember(argument: _gochat_logic_v1_RemoveGroupMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  RemoveGroupMember(argument: _gochat_logic_v1_RemoveGroupMemberRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  removeGroupMember(argument: _gochat_logic_v1_RemoveGroupMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  removeGroupMember(argument: _gochat_logic_v1_RemoveGroupMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  removeGroupMember(argument: _gochat_logic_v1_RemoveGroupMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  removeGroupMember(argument: _gochat_logic_v1_RemoveGroupMemberRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  RequestFriend(argument: _gochat_logic_v1_FriendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  RequestFriend(argument: _gochat_logic_v1_FriendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  RequestFriend(argument: _gochat_logic_v1_FriendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  RequestFriend(argument: _gochat_logic_v1_FriendRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  requestFriend(argument: _gochat_logic_v1_FriendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  requestFriend(argument: _gochat_logic_v1_FriendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  requestFriend(argument: _gochat_logic_v1_FriendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  requestFriend(argument: _gochat_logic_v1_FriendRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  SearchUsers(argument: _gochat_logic_v1_SearchUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  SearchUsers(argument: _gochat_logic_v1_SearchUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  SearchUsers(argument: _gochat_logic_v1_SearchUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  SearchUsers(argument: _gochat_logic_v1_SearchUsersRequest, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  searchUsers(argument: _gochat_logic_v1_SearchUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  searchUsers(argument: _gochat_logic_v1_SearchUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  searchUsers(argument: _gochat_logic_v1_SearchUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  searchUsers(argument: _gochat_logic_v1_SearchUsersRequest, callback: grpc.requestCallback<_gochat_logic_v1_UserList__Output>): grpc.ClientUnaryCall;
  
  SetAnnouncement(argument: _gochat_logic_v1_SetAnnouncementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  SetAnnouncement(argument: _gochat_logic_v1_SetAnnouncementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  SetAnnouncement(argument: _gochat_logic_v1_SetAnnouncementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  SetAnnouncement(argument: _gochat_logic_v1_SetAnnouncementRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  setAnnouncement(argument: _gochat_logic_v1_SetAnnouncementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  setAnnouncement(argument: _gochat_logic_v1_SetAnnouncementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  setAnnouncement(argument: _gochat_logic_v1_SetAnnouncementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  setAnnouncement(argument: _gochat_logic_v1_SetAnnouncementRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  SetRetention(argument: _gochat_logic_v1_RetentionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  SetRetention(argument: _gochat_logic_v1_RetentionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  SetRetention(argument: _gochat_logic_v1_RetentionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  SetRetention(argument: _gochat_logic_v1_RetentionRequest, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  setRetention(argument: _gochat_logic_v1_RetentionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  setRetention(argument: _gochat_logic_v1_RetentionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  setRetention(argument: _gochat_logic_v1_RetentionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  setRetention(argument: _gochat_logic_v1_RetentionRequest, callback: grpc.requestCallback<_gochat_logic_v1_RetentionView__Output>): grpc.ClientUnaryCall;
  
  Typing(argument: _gochat_logic_v1_TypingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  Typing(argument: _gochat_logic_v1_TypingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  Typing(argument: _gochat_logic_v1_TypingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  Typing(argument: _gochat_logic_v1_TypingRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  typing(argument: _gochat_logic_v1_TypingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  typing(argument: _gochat_logic_v1_TypingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  typing(argument: _gochat_logic_v1_TypingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  typing(argument: _gochat_logic_v1_TypingRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  UnbanMember(argument: _gochat_logic_v1_MemberActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  UnbanMember(argument: _gochat_logic_v1_MemberActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  UnbanMember(argument: _gochat_logic_v1_MemberActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  UnbanMember(argument: _gochat_logic_v1_MemberActionRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  unbanMember(argument: _gochat_logic_v1_MemberActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  unbanMember(argument: _gochat_logic_v1_MemberActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  unbanMember(argument: _gochat_logic_v1_MemberActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  unbanMember(argument: _gochat_logic_v1_MemberActionRequest, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  UnblockUser(argument: _gochat_logic_v1_PeerRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  UnblockUser(argument: _gochat_logic_v1_PeerRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  UnblockUser(argument: _gochat_logic_v1_PeerRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  UnblockUser(argument: _gochat_logic_v1_PeerRef, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  unblockUser(argument: _gochat_logic_v1_PeerRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  unblockUser(argument: _gochat_logic_v1_PeerRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  unblockUser(argument: _gochat_logic_v1_PeerRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  unblockUser(argument: _gochat_logic_v1_PeerRef, callback: grpc.requestCallback<_gochat_logic_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  UpdateMe(argument: _gochat_logic_v1_UpdateMeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  UpdateMe(argument: _gochat_logic_v1_UpdateMeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  UpdateMe(argument: _gochat_logic_v1_UpdateMeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  UpdateMe(argument: _gochat_logic_v1_UpdateMeRequest, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  updateMe(argument: _gochat_logic_v1_UpdateMeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  updateMe(argument: _gochat_logic_v1_UpdateMeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  updateMe(argument: _gochat_logic_v1_UpdateMeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  updateMe(argument: _gochat_logic_v1_UpdateMeRequest, callback: grpc.requestCallback<_gochat_logic_v1_Me__Output>): grpc.ClientUnaryCall;
  
  VerifyToken(argument: _gochat_logic_v1_VerifyTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_VerifyTokenResponse__Output>): grpc.ClientUnaryCall;
  VerifyToken(argument: _gochat_logic_v1_VerifyTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_VerifyTokenResponse__Output>): grpc.ClientUnaryCall;
  VerifyToken(argument: _gochat_logic_v1_VerifyTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_VerifyTokenResponse__Output>): grpc.ClientUnaryCall;
  VerifyToken(argument: _gochat_logic_v1_VerifyTokenRequest, callback: grpc.requestCallback<_gochat_logic_v1_VerifyTokenResponse__Output>): grpc.ClientUnaryCall;
  verifyToken(argument: _gochat_logic_v1_VerifyTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_VerifyTokenResponse__Output>): grpc.ClientUnaryCall;
  verifyToken(argument: _gochat_logic_v1_VerifyTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_logic_v1_VerifyTokenResponse__Output>): grpc.ClientUnaryCall;
  verifyToken(argument: _gochat_logic_v1_VerifyTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_logic_v1_VerifyTokenResponse__Output>): grpc.ClientUnaryCall;
  verifyToken(argument: _gochat_logic_v1_VerifyTokenRequest, callback: grpc.requestCallback<_gochat_logic_v1_VerifyTokenResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface LogicServiceHandlers extends grpc.UntypedServiceImplementation {
  AcceptFriend: grpc.handleUnaryCall<_gochat_logic_v1_FriendRequest__Output, _gochat_logic_v1_Empty>;
  
  AcceptInvitation: grpc.handleUnaryCall<_gochat_logic_v1_InvitationRequest__Output, _gochat_logic_v1_CreateGroupResponse>;
  
  AddGroupMembers: grpc.handleUnaryCall<_gochat_logic_v1_AddGroupMembersRequest__Output, _gochat_logic_v1_GroupAdds>;
  
  BanMember: grpc.handleUnaryCall<_gochat_logic_v1_MemberActionRequest__Output, _gochat_logic_v1_Empty>;
  
  BlockUser: grpc.handleUnaryCall<_gochat_logic_v1_PeerRef__Output, _gochat_logic_v1_Empty>;
  
  BlockedAmong: grpc.handleUnaryCall<_gochat_logic_v1_BlockedAmongRequest__Output, _gochat_logic_v1_BlockedAmongResponse>;
  
  BulkCreateUsers: grpc.handleUnaryCall<_gochat_logic_v1_BulkCreateUsersRequest__Output, _gochat_logic_v1_BulkCreateUsersResponse>;
  
  CheckRevoked: grpc.handleUnaryCall<_gochat_logic_v1_CheckRevokedRequest__Output, _gochat_logic_v1_CheckRevokedResponse>;
  
  CompleteUpload: grpc.handleUnaryCall<_gochat_logic_v1_AttachmentRequest__Output, _gochat_logic_v1_AttachmentInfo>;
  
  CreateDirect: grpc.handleUnaryCall<_gochat_logic_v1_CreateDirectRequest__Output, _gochat_logic_v1_CreateDirectResponse>;
  
  CreateGroup: grpc.handleUnaryCall<_gochat_logic_v1_CreateGroupRequest__Output, _gochat_logic_v1_CreateGroupResponse>;
  
  CreateUpload: grpc.handleUnaryCall<_gochat_logic_v1_CreateUploadRequest__Output, _gochat_logic_v1_UploadSlot>;
  
  DeclineInvitation: grpc.handleUnaryCall<_gochat_logic_v1_InvitationRequest__Output, _gochat_logic_v1_Empty>;
  
  GetDownloadUrl: grpc.handleUnaryCall<_gochat_logic_v1_AttachmentRequest__Output, _gochat_logic_v1_SignedUrl>;
  
  GetMe: grpc.handleUnaryCall<_gochat_logic_v1_UserRef__Output, _gochat_logic_v1_Me>;
  
  GetRetention: grpc.handleUnaryCall<_gochat_logic_v1_RetentionRequest__Output, _gochat_logic_v1_RetentionView>;
  
  GetUsers: grpc.handleUnaryCall<_gochat_logic_v1_GetUsersRequest__Output, _gochat_logic_v1_UserList>;
  
  Guest: grpc.handleUnaryCall<_gochat_logic_v1_GuestRequest__Output, _gochat_logic_v1_AuthResponse>;
  
  ListBans: grpc.handleUnaryCall<_gochat_logic_v1_GroupRef__Output, _gochat_logic_v1_BanList>;
  
  ListBlocks: grpc.handleUnaryCall<_gochat_logic_v1_UserRef__Output, _gochat_logic_v1_BlockList>;
  
  ListConversations: grpc.handleUnaryCall<_gochat_logic_v1_UserRef__Output, _gochat_logic_v1_ListConversationsResponse>;
  
  ListGroupMembers: grpc.handleUnaryCall<_gochat_logic_v1_ListGroupMembersRequest__Output, _gochat_logic_v1_ListGroupMembersResponse>;
  
  ListInvitations: grpc.handleUnaryCall<_gochat_logic_v1_UserRef__Output, _gochat_logic_v1_InvitationList>;
  
  Login: grpc.handleUnaryCall<_gochat_logic_v1_LoginRequest__Output, _gochat_logic_v1_AuthResponse>;
  
  Logout: grpc.handleUnaryCall<_gochat_logic_v1_LogoutRequest__Output, _gochat_logic_v1_Empty>;
  
  MuteConversation: grpc.handleUnaryCall<_gochat_logic_v1_MuteConversationRequest__Output, _gochat_logic_v1_Empty>;
  
  MuteMember: grpc.handleUnaryCall<_gochat_logic_v1_MemberActionRequest__Output, _gochat_logic_v1_MemberMuteResponse>;
  
  Refresh: grpc.handleUnaryCall<_gochat_logic_v1_RefreshRequest__Output, _gochat_logic_v1_AuthResponse>;
  
  Register: grpc.handleUnaryCall<_gochat_logic_v1_RegisterRequest__Output, _gochat_logic_v1_AuthResponse>;
  
  RemoveGroupMember: grpc.handleUnaryCall<_gochat_logic_v1_RemoveGroupMemberRequest__Output, _gochat_logic_v1_Empty>;
  
  RequestFriend: grpc.handleUnaryCall<_gochat_logic_v1_FriendRequest__Output, _gochat_logic_v1_Empty>;
  
  SearchUsers: grpc.handleUnaryCall<_gochat_logic_v1_SearchUsersRequest__Output, _gochat_logic_v1_UserList>;
  
  SetAnnouncement: grpc.handleUnaryCall<_gochat_logic_v1_SetAnnouncementRequest__Output, _gochat_logic_v1_Empty>;
  
  SetRetention: grpc.handleUnaryCall<_gochat_logic_v1_RetentionRequest__Output, _gochat_logic_v1_RetentionView>;
  
  Typing: grpc.handleUnaryCall<_gochat_logic_v1_TypingRequest__Output, _gochat_logic_v1_Empty>;
  
  UnbanMember: grpc.handleUnaryCall<_gochat_logic_v1_MemberActionRequest__Output, _gochat_logic_v1_Empty>;
  
  UnblockUser: grpc.handleUnaryCall<_gochat_logic_v1_PeerRef__Output, _gochat_logic_v1_Empty>;
  
  UpdateMe: grpc.handleUnaryCall<_gochat_logic_v1_UpdateMeRequest__Output, _gochat_logic_v1_Me>;
  
  VerifyToken: grpc.handleUnaryCall<_gochat_logic_v1_VerifyTokenRequest__Output, _gochat_logic_v1_VerifyTokenResponse>;
  
}

export interface LogicServiceDefinition extends grpc.ServiceDefinition {
  AcceptFriend: MethodDefinition<_gochat_logic_v1_FriendRequest, _gochat_logic_v1_Empty, _gochat_logic_v1_FriendRequest__Output, _gochat_logic_v1_Empty__Output>
  AcceptInvitation: MethodDefinition<_gochat_logic_v1_InvitationRequest, _gochat_logic_v1_CreateGroupResponse, _gochat_logic_v1_InvitationRequest__Output, _gochat_logic_v1_CreateGroupResponse__Output>
  AddGroupMembers: MethodDefinition<_gochat_logic_v1_AddGroupMembersRequest, _gochat_logic_v1_GroupAdds, _gochat_logic_v1_AddGroupMembersRequest__Output, _gochat_logic_v1_GroupAdds__Output>
  BanMember: MethodDefinition<_gochat_logic_v1_MemberActionRequest, _gochat_logic_v1_Empty, _gochat_logic_v1_MemberActionRequest__Output, _gochat_logic_v1_Empty__Output>
  BlockUser: MethodDefinition<_gochat_logic_v1_PeerRef, _gochat_logic_v1_Empty, _gochat_logic_v1_PeerRef__Output, _gochat_logic_v1_Empty__Output>
  BlockedAmong: MethodDefinition<_gochat_logic_v1_BlockedAmongRequest, _gochat_logic_v1_BlockedAmongResponse, _gochat_logic_v1_BlockedAmongRequest__Output, _gochat_logic_v1_BlockedAmongResponse__Output>
  BulkCreateUsers: MethodDefinition<_gochat_logic_v1_BulkCreateUsersRequest, _gochat_logic_v1_BulkCreateUsersResponse, _gochat_logic_v1_BulkCreateUsersRequest__Output, _gochat_logic_v1_BulkCreateUsersResponse__Output>
  CheckRevoked: MethodDefinition<_gochat_logic_v1_CheckRevokedRequest, _gochat_logic_v1_CheckRevokedResponse, _gochat_logic_v1_CheckRevokedRequest__Output, _gochat_logic_v1_CheckRevokedResponse__Output>
  CompleteUpload: MethodDefinition<_gochat_logic_v1_AttachmentRequest, _gochat_logic_v1_AttachmentInfo, _gochat_logic_v1_AttachmentRequest__Output, _gochat_logic_v1_AttachmentInfo__Output>
  CreateDirect: MethodDefinition<_gochat_logic_v1_CreateDirectRequest, _gochat_logic_v1_CreateDirectResponse, _gochat_logic_v1_CreateDirectRequest__Output, _gochat_logic_v1_CreateDirectResponse__Output>
  CreateGroup: MethodDefinition<_gochat_logic_v1_CreateGroupRequest, _gochat_logic_v1_CreateGroupResponse, _gochat_logic_v1_CreateGroupRequest__Output, _gochat_logic_v1_CreateGroupResponse__Output>
  CreateUpload: MethodDefinition<_gochat_logic_v1_CreateUploadRequest, _gochat_logic_v1_UploadSlot, _gochat_logic_v1_CreateUploadRequest__Output, _gochat_logic_v1_UploadSlot__Output>
  DeclineInvitation: MethodDefinition<_gochat_logic_v1_InvitationRequest, _gochat_logic_v1_Empty, _gochat_logic_v1_InvitationRequest__Output, _gochat_logic_v1_Empty__Output>
  GetDownloadUrl: MethodDefinition<_gochat_logic_v1_AttachmentRequest, _gochat_logic_v1_SignedUrl, _gochat_logic_v1_AttachmentRequest__Output, _gochat_logic_v1_SignedUrl__Output>
  GetMe: MethodDefinition<_gochat_logic_v1_UserRef, _gochat_logic_v1_Me, _gochat_logic_v1_UserRef__Output, _gochat_logic_v1_Me__Output>
  GetRetention: MethodDefinition<_gochat_logic_v1_RetentionRequest, _gochat_logic_v1_RetentionView, _gochat_logic_v1_RetentionRequest__Output, _gochat_logic_v1_RetentionView__Output>
  GetUsers: MethodDefinition<_gochat_logic_v1_GetUsersRequest, _gochat_logic_v1_UserList, _gochat_logic_v1_GetUsersRequest__Output, _gochat_logic_v1_UserList__Output>
  Guest: MethodDefinition<_gochat_logic_v1_GuestRequest, _gochat_logic_v1_AuthResponse, _gochat_logic_v1_GuestRequest__Output, _gochat_logic_v1_AuthResponse__Output>
  ListBans: MethodDefinition<_gochat_logic_v1_GroupRef, _gochat_logic_v1_BanList, _gochat_logic_v1_GroupRef__Output, _gochat_logic_v1_BanList__Output>
  ListBlocks: MethodDefinition<_gochat_logic_v1_UserRef, _gochat_logic_v1_BlockList, _gochat_logic_v1_UserRef__Output, _gochat_logic_v1_BlockList__Output>
  ListConversations: MethodDefinition<_gochat_logic_v1_UserRef, _gochat_logic_v1_ListConversationsResponse, _gochat_logic_v1_UserRef__Output, _gochat_logic_v1_ListConversationsResponse__Output>
  ListGroupMembers: MethodDefinition<_gochat_logic_v1_ListGroupMembersRequest, _gochat_logic_v1_ListGroupMembersResponse, _gochat_logic_v1_ListGroupMembersRequest__Output, _gochat_logic_v1_ListGroupMembersResponse__Output>
  ListInvitations: MethodDefinition<_gochat_logic_v1_UserRef, _gochat_logic_v1_InvitationList, _gochat_logic_v1_UserRef__Output, _gochat_logic_v1_InvitationList__Output>
  Login: MethodDefinition<_gochat_logic_v1_LoginRequest, _gochat_logic_v1_AuthResponse, _gochat_logic_v1_LoginRequest__Output, _gochat_logic_v1_AuthResponse__Output>
  Logout: MethodDefinition<_gochat_logic_v1_LogoutRequest, _gochat_logic_v1_Empty, _gochat_logic_v1_LogoutRequest__Output, _gochat_logic_v1_Empty__Output>
  MuteConversation: MethodDefinition<_gochat_logic_v1_MuteConversationRequest, _gochat_logic_v1_Empty, _gochat_logic_v1_MuteConversationRequest__Output, _gochat_logic_v1_Empty__Output>
  MuteMember: MethodDefinition<_gochat_logic_v1_MemberActionRequest, _gochat_logic_v1_MemberMuteResponse, _gochat_logic_v1_MemberActionRequest__Output, _gochat_logic_v1_MemberMuteResponse__Output>
  Refresh: MethodDefinition<_gochat_logic_v1_RefreshRequest, _gochat_logic_v1_AuthResponse, _gochat_logic_v1_RefreshRequest__Output, _gochat_logic_v1_AuthResponse__Output>
  Register: MethodDefinition<_gochat_logic_v1_RegisterRequest, _gochat_logic_v1_AuthResponse, _gochat_logic_v1_RegisterRequest__Output, _gochat_logic_v1_AuthResponse__Output>
  RemoveGroupMember: MethodDefinition<_gochat_logic_v1_RemoveGroupMemberRequest, _gochat_logic_v1_Empty, _gochat_logic_v1_RemoveGroupMemberRequest__Output, _gochat_logic_v1_Empty__Output>
  RequestFriend: MethodDefinition<_gochat_logic_v1_FriendRequest, _gochat_logic_v1_Empty, _gochat_logic_v1_FriendRequest__Output, _gochat_logic_v1_Empty__Output>
  SearchUsers: MethodDefinition<_gochat_logic_v1_SearchUsersRequest, _gochat_logic_v1_UserList, _gochat_logic_v1_SearchUsersRequest__Output, _gochat_logic_v1_UserList__Output>
  SetAnnouncement: MethodDefinition<_gochat_logic_v1_SetAnnouncementRequest, _gochat_logic_v1_Empty, _gochat_logic_v1_SetAnnouncementRequest__Output, _gochat_logic_v1_Empty__Output>
  SetRetention: MethodDefinition<_gochat_logic_v1_RetentionRequest, _gochat_logic_v1_RetentionView, _gochat_logic_v1_RetentionRequest__Output, _gochat_logic_v1_RetentionView__Output>
  Typing: MethodDefinition<_gochat_logic_v1_TypingRequest, _gochat_logic_v1_Empty, _gochat_logic_v1_TypingRequest__Output, _gochat_logic_v1_Empty__Output>
  UnbanMember: MethodDefinition<_gochat_logic_v1_MemberActionRequest, _gochat_logic_v1_Empty, _gochat_logic_v1_MemberActionRequest__Output, _gochat_logic_v1_Empty__Output>
  UnblockUser: MethodDefinition<_gochat_logic_v1_PeerRef, _gochat_logic_v1_Empty, _gochat_logic_v1_PeerRef__Output, _gochat_logic_v1_Empty__Output>
  UpdateMe: MethodDefinition<_gochat_logic_v1_UpdateMeRequest, _gochat_logic_v1_Me, _gochat_logic_v1_UpdateMeRequest__Output, _gochat_logic_v1_Me__Output>
  VerifyToken: MethodDefinition<_gochat_logic_v1_VerifyTokenRequest, _gochat_logic_v1_VerifyTokenResponse, _gochat_logic_v1_VerifyTokenRequest__Output, _gochat_logic_v1_VerifyTokenResponse__Output>
}
