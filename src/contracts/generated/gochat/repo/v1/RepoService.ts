// Original file: proto/gochat/repo/v1/repo.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddMembersRequest as _gochat_repo_v1_AddMembersRequest, AddMembersRequest__Output as _gochat_repo_v1_AddMembersRequest__Output } from '../../../gochat/repo/v1/AddMembersRequest.js';
import type { AddMembersResponse as _gochat_repo_v1_AddMembersResponse, AddMembersResponse__Output as _gochat_repo_v1_AddMembersResponse__Output } from '../../../gochat/repo/v1/AddMembersResponse.js';
import type { AllocateSeqRequest as _gochat_repo_v1_AllocateSeqRequest, AllocateSeqRequest__Output as _gochat_repo_v1_AllocateSeqRequest__Output } from '../../../gochat/repo/v1/AllocateSeqRequest.js';
import type { AllocateSeqResponse as _gochat_repo_v1_AllocateSeqResponse, AllocateSeqResponse__Output as _gochat_repo_v1_AllocateSeqResponse__Output } from '../../../gochat/repo/v1/AllocateSeqResponse.js';
import type { Attachment as _gochat_repo_v1_Attachment, Attachment__Output as _gochat_repo_v1_Attachment__Output } from '../../../gochat/repo/v1/Attachment.js';
import type { AttachmentAccessRequest as _gochat_repo_v1_AttachmentAccessRequest, AttachmentAccessRequest__Output as _gochat_repo_v1_AttachmentAccessRequest__Output } from '../../../gochat/repo/v1/AttachmentAccessRequest.js';
import type { AttachmentAccessResponse as _gochat_repo_v1_AttachmentAccessResponse, AttachmentAccessResponse__Output as _gochat_repo_v1_AttachmentAccessResponse__Output } from '../../../gochat/repo/v1/AttachmentAccessResponse.js';
import type { AttachmentRef as _gochat_repo_v1_AttachmentRef, AttachmentRef__Output as _gochat_repo_v1_AttachmentRef__Output } from '../../../gochat/repo/v1/AttachmentRef.js';
import type { BanRequest as _gochat_repo_v1_BanRequest, BanRequest__Output as _gochat_repo_v1_BanRequest__Output } from '../../../gochat/repo/v1/BanRequest.js';
import type { BlockRequest as _gochat_repo_v1_BlockRequest, BlockRequest__Output as _gochat_repo_v1_BlockRequest__Output } from '../../../gochat/repo/v1/BlockRequest.js';
import type { Changed as _gochat_repo_v1_Changed, Changed__Output as _gochat_repo_v1_Changed__Output } from '../../../gochat/repo/v1/Changed.js';
import type { CheckRevokedRequest as _gochat_repo_v1_CheckRevokedRequest, CheckRevokedRequest__Output as _gochat_repo_v1_CheckRevokedRequest__Output } from '../../../gochat/repo/v1/CheckRevokedRequest.js';
import type { CheckRevokedResponse as _gochat_repo_v1_CheckRevokedResponse, CheckRevokedResponse__Output as _gochat_repo_v1_CheckRevokedResponse__Output } from '../../../gochat/repo/v1/CheckRevokedResponse.js';
import type { CompleteAttachmentRequest as _gochat_repo_v1_CompleteAttachmentRequest, CompleteAttachmentRequest__Output as _gochat_repo_v1_CompleteAttachmentRequest__Output } from '../../../gochat/repo/v1/CompleteAttachmentRequest.js';
import type { ContactsAmongRequest as _gochat_repo_v1_ContactsAmongRequest, ContactsAmongRequest__Output as _gochat_repo_v1_ContactsAmongRequest__Output } from '../../../gochat/repo/v1/ContactsAmongRequest.js';
import type { ContactsAmongResponse as _gochat_repo_v1_ContactsAmongResponse, ContactsAmongResponse__Output as _gochat_repo_v1_ContactsAmongResponse__Output } from '../../../gochat/repo/v1/ContactsAmongResponse.js';
import type { Conversation as _gochat_repo_v1_Conversation, Conversation__Output as _gochat_repo_v1_Conversation__Output } from '../../../gochat/repo/v1/Conversation.js';
import type { ConversationMuteRequest as _gochat_repo_v1_ConversationMuteRequest, ConversationMuteRequest__Output as _gochat_repo_v1_ConversationMuteRequest__Output } from '../../../gochat/repo/v1/ConversationMuteRequest.js';
import type { CreateAttachmentRequest as _gochat_repo_v1_CreateAttachmentRequest, CreateAttachmentRequest__Output as _gochat_repo_v1_CreateAttachmentRequest__Output } from '../../../gochat/repo/v1/CreateAttachmentRequest.js';
import type { CreateGroupRequest as _gochat_repo_v1_CreateGroupRequest, CreateGroupRequest__Output as _gochat_repo_v1_CreateGroupRequest__Output } from '../../../gochat/repo/v1/CreateGroupRequest.js';
import type { CreateUserRequest as _gochat_repo_v1_CreateUserRequest, CreateUserRequest__Output as _gochat_repo_v1_CreateUserRequest__Output } from '../../../gochat/repo/v1/CreateUserRequest.js';
import type { CreateUsersRequest as _gochat_repo_v1_CreateUsersRequest, CreateUsersRequest__Output as _gochat_repo_v1_CreateUsersRequest__Output } from '../../../gochat/repo/v1/CreateUsersRequest.js';
import type { CreateUsersResponse as _gochat_repo_v1_CreateUsersResponse, CreateUsersResponse__Output as _gochat_repo_v1_CreateUsersResponse__Output } from '../../../gochat/repo/v1/CreateUsersResponse.js';
import type { Empty as _gochat_repo_v1_Empty, Empty__Output as _gochat_repo_v1_Empty__Output } from '../../../gochat/repo/v1/Empty.js';
import type { EnsureDirectConversationRequest as _gochat_repo_v1_EnsureDirectConversationRequest, EnsureDirectConversationRequest__Output as _gochat_repo_v1_EnsureDirectConversationRequest__Output } from '../../../gochat/repo/v1/EnsureDirectConversationRequest.js';
import type { EnsureDirectConversationResponse as _gochat_repo_v1_EnsureDirectConversationResponse, EnsureDirectConversationResponse__Output as _gochat_repo_v1_EnsureDirectConversationResponse__Output } from '../../../gochat/repo/v1/EnsureDirectConversationResponse.js';
import type { ExpireMessagesRequest as _gochat_repo_v1_ExpireMessagesRequest, ExpireMessagesRequest__Output as _gochat_repo_v1_ExpireMessagesRequest__Output } from '../../../gochat/repo/v1/ExpireMessagesRequest.js';
import type { ExpireMessagesResponse as _gochat_repo_v1_ExpireMessagesResponse, ExpireMessagesResponse__Output as _gochat_repo_v1_ExpireMessagesResponse__Output } from '../../../gochat/repo/v1/ExpireMessagesResponse.js';
import type { FindUsersRequest as _gochat_repo_v1_FindUsersRequest, FindUsersRequest__Output as _gochat_repo_v1_FindUsersRequest__Output } from '../../../gochat/repo/v1/FindUsersRequest.js';
import type { FindUsersResponse as _gochat_repo_v1_FindUsersResponse, FindUsersResponse__Output as _gochat_repo_v1_FindUsersResponse__Output } from '../../../gochat/repo/v1/FindUsersResponse.js';
import type { FriendRequest as _gochat_repo_v1_FriendRequest, FriendRequest__Output as _gochat_repo_v1_FriendRequest__Output } from '../../../gochat/repo/v1/FriendRequest.js';
import type { GetConversationRequest as _gochat_repo_v1_GetConversationRequest, GetConversationRequest__Output as _gochat_repo_v1_GetConversationRequest__Output } from '../../../gochat/repo/v1/GetConversationRequest.js';
import type { GetMemberRequest as _gochat_repo_v1_GetMemberRequest, GetMemberRequest__Output as _gochat_repo_v1_GetMemberRequest__Output } from '../../../gochat/repo/v1/GetMemberRequest.js';
import type { GetMessageRequest as _gochat_repo_v1_GetMessageRequest, GetMessageRequest__Output as _gochat_repo_v1_GetMessageRequest__Output } from '../../../gochat/repo/v1/GetMessageRequest.js';
import type { GetUserRequest as _gochat_repo_v1_GetUserRequest, GetUserRequest__Output as _gochat_repo_v1_GetUserRequest__Output } from '../../../gochat/repo/v1/GetUserRequest.js';
import type { InsertMessagesRequest as _gochat_repo_v1_InsertMessagesRequest, InsertMessagesRequest__Output as _gochat_repo_v1_InsertMessagesRequest__Output } from '../../../gochat/repo/v1/InsertMessagesRequest.js';
import type { InsertMessagesResponse as _gochat_repo_v1_InsertMessagesResponse, InsertMessagesResponse__Output as _gochat_repo_v1_InsertMessagesResponse__Output } from '../../../gochat/repo/v1/InsertMessagesResponse.js';
import type { Invitation as _gochat_repo_v1_Invitation, Invitation__Output as _gochat_repo_v1_Invitation__Output } from '../../../gochat/repo/v1/Invitation.js';
import type { InvitationRef as _gochat_repo_v1_InvitationRef, InvitationRef__Output as _gochat_repo_v1_InvitationRef__Output } from '../../../gochat/repo/v1/InvitationRef.js';
import type { InviteMembersRequest as _gochat_repo_v1_InviteMembersRequest, InviteMembersRequest__Output as _gochat_repo_v1_InviteMembersRequest__Output } from '../../../gochat/repo/v1/InviteMembersRequest.js';
import type { InviteMembersResponse as _gochat_repo_v1_InviteMembersResponse, InviteMembersResponse__Output as _gochat_repo_v1_InviteMembersResponse__Output } from '../../../gochat/repo/v1/InviteMembersResponse.js';
import type { ListBansRequest as _gochat_repo_v1_ListBansRequest, ListBansRequest__Output as _gochat_repo_v1_ListBansRequest__Output } from '../../../gochat/repo/v1/ListBansRequest.js';
import type { ListBansResponse as _gochat_repo_v1_ListBansResponse, ListBansResponse__Output as _gochat_repo_v1_ListBansResponse__Output } from '../../../gochat/repo/v1/ListBansResponse.js';
import type { ListBlocksRequest as _gochat_repo_v1_ListBlocksRequest, ListBlocksRequest__Output as _gochat_repo_v1_ListBlocksRequest__Output } from '../../../gochat/repo/v1/ListBlocksRequest.js';
import type { ListBlocksResponse as _gochat_repo_v1_ListBlocksResponse, ListBlocksResponse__Output as _gochat_repo_v1_ListBlocksResponse__Output } from '../../../gochat/repo/v1/ListBlocksResponse.js';
import type { ListDirectPeersManyRequest as _gochat_repo_v1_ListDirectPeersManyRequest, ListDirectPeersManyRequest__Output as _gochat_repo_v1_ListDirectPeersManyRequest__Output } from '../../../gochat/repo/v1/ListDirectPeersManyRequest.js';
import type { ListDirectPeersManyResponse as _gochat_repo_v1_ListDirectPeersManyResponse, ListDirectPeersManyResponse__Output as _gochat_repo_v1_ListDirectPeersManyResponse__Output } from '../../../gochat/repo/v1/ListDirectPeersManyResponse.js';
import type { ListDirectPeersRequest as _gochat_repo_v1_ListDirectPeersRequest, ListDirectPeersRequest__Output as _gochat_repo_v1_ListDirectPeersRequest__Output } from '../../../gochat/repo/v1/ListDirectPeersRequest.js';
import type { ListDirectPeersResponse as _gochat_repo_v1_ListDirectPeersResponse, ListDirectPeersResponse__Output as _gochat_repo_v1_ListDirectPeersResponse__Output } from '../../../gochat/repo/v1/ListDirectPeersResponse.js';
import type { ListInvitationsRequest as _gochat_repo_v1_ListInvitationsRequest, ListInvitationsRequest__Output as _gochat_repo_v1_ListInvitationsRequest__Output } from '../../../gochat/repo/v1/ListInvitationsRequest.js';
import type { ListInvitationsResponse as _gochat_repo_v1_ListInvitationsResponse, ListInvitationsResponse__Output as _gochat_repo_v1_ListInvitationsResponse__Output } from '../../../gochat/repo/v1/ListInvitationsResponse.js';
import type { ListMembersRequest as _gochat_repo_v1_ListMembersRequest, ListMembersRequest__Output as _gochat_repo_v1_ListMembersRequest__Output } from '../../../gochat/repo/v1/ListMembersRequest.js';
import type { ListMembersResponse as _gochat_repo_v1_ListMembersResponse, ListMembersResponse__Output as _gochat_repo_v1_ListMembersResponse__Output } from '../../../gochat/repo/v1/ListMembersResponse.js';
import type { ListUserConversationsRequest as _gochat_repo_v1_ListUserConversationsRequest, ListUserConversationsRequest__Output as _gochat_repo_v1_ListUserConversationsRequest__Output } from '../../../gochat/repo/v1/ListUserConversationsRequest.js';
import type { ListUserConversationsResponse as _gochat_repo_v1_ListUserConversationsResponse, ListUserConversationsResponse__Output as _gochat_repo_v1_ListUserConversationsResponse__Output } from '../../../gochat/repo/v1/ListUserConversationsResponse.js';
import type { LocateMembersRequest as _gochat_repo_v1_LocateMembersRequest, LocateMembersRequest__Output as _gochat_repo_v1_LocateMembersRequest__Output } from '../../../gochat/repo/v1/LocateMembersRequest.js';
import type { LocateMembersResponse as _gochat_repo_v1_LocateMembersResponse, LocateMembersResponse__Output as _gochat_repo_v1_LocateMembersResponse__Output } from '../../../gochat/repo/v1/LocateMembersResponse.js';
import type { LookupPresenceRequest as _gochat_repo_v1_LookupPresenceRequest, LookupPresenceRequest__Output as _gochat_repo_v1_LookupPresenceRequest__Output } from '../../../gochat/repo/v1/LookupPresenceRequest.js';
import type { LookupPresenceResponse as _gochat_repo_v1_LookupPresenceResponse, LookupPresenceResponse__Output as _gochat_repo_v1_LookupPresenceResponse__Output } from '../../../gochat/repo/v1/LookupPresenceResponse.js';
import type { Member as _gochat_repo_v1_Member, Member__Output as _gochat_repo_v1_Member__Output } from '../../../gochat/repo/v1/Member.js';
import type { MemberMuteRequest as _gochat_repo_v1_MemberMuteRequest, MemberMuteRequest__Output as _gochat_repo_v1_MemberMuteRequest__Output } from '../../../gochat/repo/v1/MemberMuteRequest.js';
import type { Message as _gochat_repo_v1_Message, Message__Output as _gochat_repo_v1_Message__Output } from '../../../gochat/repo/v1/Message.js';
import type { MutedConversationsResponse as _gochat_repo_v1_MutedConversationsResponse, MutedConversationsResponse__Output as _gochat_repo_v1_MutedConversationsResponse__Output } from '../../../gochat/repo/v1/MutedConversationsResponse.js';
import type { PublishEventsRequest as _gochat_repo_v1_PublishEventsRequest, PublishEventsRequest__Output as _gochat_repo_v1_PublishEventsRequest__Output } from '../../../gochat/repo/v1/PublishEventsRequest.js';
import type { ReleaseAttachmentResponse as _gochat_repo_v1_ReleaseAttachmentResponse, ReleaseAttachmentResponse__Output as _gochat_repo_v1_ReleaseAttachmentResponse__Output } from '../../../gochat/repo/v1/ReleaseAttachmentResponse.js';
import type { RemoveMemberRequest as _gochat_repo_v1_RemoveMemberRequest, RemoveMemberRequest__Output as _gochat_repo_v1_RemoveMemberRequest__Output } from '../../../gochat/repo/v1/RemoveMemberRequest.js';
import type { RetentionSettings as _gochat_repo_v1_RetentionSettings, RetentionSettings__Output as _gochat_repo_v1_RetentionSettings__Output } from '../../../gochat/repo/v1/RetentionSettings.js';
import type { RevokeTokenRequest as _gochat_repo_v1_RevokeTokenRequest, RevokeTokenRequest__Output as _gochat_repo_v1_RevokeTokenRequest__Output } from '../../../gochat/repo/v1/RevokeTokenRequest.js';
import type { SearchMessagesRequest as _gochat_repo_v1_SearchMessagesRequest, SearchMessagesRequest__Output as _gochat_repo_v1_SearchMessagesRequest__Output } from '../../../gochat/repo/v1/SearchMessagesRequest.js';
import type { SearchUsersRequest as _gochat_repo_v1_SearchUsersRequest, SearchUsersRequest__Output as _gochat_repo_v1_SearchUsersRequest__Output } from '../../../gochat/repo/v1/SearchUsersRequest.js';
import type { SetAnnouncementRequest as _gochat_repo_v1_SetAnnouncementRequest, SetAnnouncementRequest__Output as _gochat_repo_v1_SetAnnouncementRequest__Output } from '../../../gochat/repo/v1/SetAnnouncementRequest.js';
import type { SetReadSeqRequest as _gochat_repo_v1_SetReadSeqRequest, SetReadSeqRequest__Output as _gochat_repo_v1_SetReadSeqRequest__Output } from '../../../gochat/repo/v1/SetReadSeqRequest.js';
import type { SetReadSeqResponse as _gochat_repo_v1_SetReadSeqResponse, SetReadSeqResponse__Output as _gochat_repo_v1_SetReadSeqResponse__Output } from '../../../gochat/repo/v1/SetReadSeqResponse.js';
import type { SetRetentionRequest as _gochat_repo_v1_SetRetentionRequest, SetRetentionRequest__Output as _gochat_repo_v1_SetRetentionRequest__Output } from '../../../gochat/repo/v1/SetRetentionRequest.js';
import type { StoreMessageRequest as _gochat_repo_v1_StoreMessageRequest, StoreMessageRequest__Output as _gochat_repo_v1_StoreMessageRequest__Output } from '../../../gochat/repo/v1/StoreMessageRequest.js';
import type { StoreMessageResponse as _gochat_repo_v1_StoreMessageResponse, StoreMessageResponse__Output as _gochat_repo_v1_StoreMessageResponse__Output } from '../../../gochat/repo/v1/StoreMessageResponse.js';
import type { StoreMessagesRequest as _gochat_repo_v1_StoreMessagesRequest, StoreMessagesRequest__Output as _gochat_repo_v1_StoreMessagesRequest__Output } from '../../../gochat/repo/v1/StoreMessagesRequest.js';
import type { StoreMessagesResponse as _gochat_repo_v1_StoreMessagesResponse, StoreMessagesResponse__Output as _gochat_repo_v1_StoreMessagesResponse__Output } from '../../../gochat/repo/v1/StoreMessagesResponse.js';
import type { SyncMessagesRequest as _gochat_repo_v1_SyncMessagesRequest, SyncMessagesRequest__Output as _gochat_repo_v1_SyncMessagesRequest__Output } from '../../../gochat/repo/v1/SyncMessagesRequest.js';
import type { SyncMessagesResponse as _gochat_repo_v1_SyncMessagesResponse, SyncMessagesResponse__Output as _gochat_repo_v1_SyncMessagesResponse__Output } from '../../../gochat/repo/v1/SyncMessagesResponse.js';
import type { UpdateMessageStatusRequest as _gochat_repo_v1_UpdateMessageStatusRequest, UpdateMessageStatusRequest__Output as _gochat_repo_v1_UpdateMessageStatusRequest__Output } from '../../../gochat/repo/v1/UpdateMessageStatusRequest.js';
import type { UpdateUserRequest as _gochat_repo_v1_UpdateUserRequest, UpdateUserRequest__Output as _gochat_repo_v1_UpdateUserRequest__Output } from '../../../gochat/repo/v1/UpdateUserRequest.js';
import type { User as _gochat_repo_v1_User, User__Output as _gochat_repo_v1_User__Output } from '../../../gochat/repo/v1/User.js';
import type { UsersAmongRequest as _gochat_repo_v1_UsersAmongRequest, UsersAmongRequest__Output as _gochat_repo_v1_UsersAmongRequest__Output } from '../../../gochat/repo/v1/UsersAmongRequest.js';
import type { UsersAmongResponse as _gochat_repo_v1_UsersAmongResponse, UsersAmongResponse__Output as _gochat_repo_v1_UsersAmongResponse__Output } from '../../../gochat/repo/v1/UsersAmongResponse.js';
import type { UsersResponse as _gochat_repo_v1_UsersResponse, UsersResponse__Output as _gochat_repo_v1_UsersResponse__Output } from '../../../gochat/repo/v1/UsersResponse.js';

export interface RepoServiceClient extends grpc.Client {
  AcceptFriendRequest(argument: _gochat_repo_v1_FriendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  AcceptFriendRequest(argument: _gochat_repo_v1_FriendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  AcceptFriendRequest(argument: _gochat_repo_v1_FriendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  AcceptFriendRequest(argument: _gochat_repo_v1_FriendRequest, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  acceptFriendRequest(argument: _gochat_repo_v1_FriendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  acceptFriendRequest(argument: _gochat_repo_v1_FriendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  acceptFriendRequest(argument: _gochat_repo_v1_FriendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  acceptFriendRequest(argument: _gochat_repo_v1_FriendRequest, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  AcceptInvitation(argument: _gochat_repo_v1_InvitationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  AcceptInvitation(argument: _gochat_repo_v1_InvitationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  AcceptInvitation(argument: _gochat_repo_v1_InvitationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  AcceptInvitation(argument: _gochat_repo_v1_InvitationRef, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  acceptInvitation(argument: _gochat_repo_v1_InvitationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  acceptInvitation(argument: _gochat_repo_v1_InvitationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  acceptInvitation(argument: _gochat_repo_v1_InvitationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  acceptInvitation(argument: _gochat_repo_v1_InvitationRef, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  
  AddMembers(argument: _gochat_repo_v1_AddMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_AddMembersResponse__Output>): grpc.ClientUnaryCall;
  AddMembers(argument: _gochat_repo_v1_AddMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_AddMembersResponse__Output>): grpc.ClientUnaryCall;
  AddMembers(argument: _gochat_repo_v1_AddMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_AddMembersResponse__Output>): grpc.ClientUnaryCall;
  AddMembers(argument: _gochat_repo_v1_AddMembersRequest, callback: grpc.requestCallback<_gochat_repo_v1_AddMembersResponse__Output>): grpc.ClientUnaryCall;
  addMembers(argument: _gochat_repo_v1_AddMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_AddMembersResponse__Output>): grpc.ClientUnaryCall;
  addMembers(argument: _gochat_repo_v1_AddMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_AddMembersResponse__Output>): grpc.ClientUnaryCall;
  addMembers(argument: _gochat_repo_v1_AddMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_AddMembersResponse__Output>): grpc.ClientUnaryCall;
  addMembers(argument: _gochat_repo_v1_AddMembersRequest, callback: grpc.requestCallback<_gochat_repo_v1_AddMembersResponse__Output>): grpc.ClientUnaryCall;
  
  AllocateSeq(argument: _gochat_repo_v1_AllocateSeqRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_AllocateSeqResponse__Output>): grpc.ClientUnaryCall;
  AllocateSeq(argument: _gochat_repo_v1_AllocateSeqRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_AllocateSeqResponse__Output>): grpc.ClientUnaryCall;
  AllocateSeq(argument: _gochat_repo_v1_AllocateSeqRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_AllocateSeqResponse__Output>): grpc.ClientUnaryCall;
  AllocateSeq(argument: _gochat_repo_v1_AllocateSeqRequest, callback: grpc.requestCallback<_gochat_repo_v1_AllocateSeqResponse__Output>): grpc.ClientUnaryCall;
  allocateSeq(argument: _gochat_repo_v1_AllocateSeqRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_AllocateSeqResponse__Output>): grpc.ClientUnaryCall;
  allocateSeq(argument: _gochat_repo_v1_AllocateSeqRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_AllocateSeqResponse__Output>): grpc.ClientUnaryCall;
  allocateSeq(argument: _gochat_repo_v1_AllocateSeqRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_AllocateSeqResponse__Output>): grpc.ClientUnaryCall;
  allocateSeq(argument: _gochat_repo_v1_AllocateSeqRequest, callback: grpc.requestCallback<_gochat_repo_v1_AllocateSeqResponse__Output>): grpc.ClientUnaryCall;
  
  AttachmentSharedWith(argument: _gochat_repo_v1_AttachmentAccessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_AttachmentAccessResponse__Output>): grpc.ClientUnaryCall;
  AttachmentSharedWith(argument: _gochat_repo_v1_AttachmentAccessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_AttachmentAccessResponse__Output>): grpc.ClientUnaryCall;
  AttachmentSharedWith(argument: _gochat_repo_v1_AttachmentAccessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_AttachmentAccessResponse__Output>): grpc.ClientUnaryCall;
  AttachmentSharedWith(argument: _gochat_repo_v1_AttachmentAccessRequest, callback: grpc.requestCallback<_gochat_repo_v1_AttachmentAccessResponse__Output>): grpc.ClientUnaryCall;
  attachmentSharedWith(argument: _gochat_repo_v1_AttachmentAccessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_AttachmentAccessResponse__Output>): grpc.ClientUnaryCall;
  attachmentSharedWith(argument: _gochat_repo_v1_AttachmentAccessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_AttachmentAccessResponse__Output>): grpc.ClientUnaryCall;
  attachmentSharedWith(argument: _gochat_repo_v1_AttachmentAccessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_AttachmentAccessResponse__Output>): grpc.ClientUnaryCall;
  attachmentSharedWith(argument: _gochat_repo_v1_AttachmentAccessRequest, callback: grpc.requestCallback<_gochat_repo_v1_AttachmentAccessResponse__Output>): grpc.ClientUnaryCall;
  
  BannedAmong(argument: _gochat_repo_v1_UsersAmongRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  BannedAmong(argument: _gochat_repo_v1_UsersAmongRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  BannedAmong(argument: _gochat_repo_v1_UsersAmongRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  BannedAmong(argument: _gochat_repo_v1_UsersAmongRequest, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  bannedAmong(argument: _gochat_repo_v1_UsersAmongRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  bannedAmong(argument: _gochat_repo_v1_UsersAmongRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  bannedAmong(argument: _gochat_repo_v1_UsersAmongRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  bannedAmong(argument: _gochat_repo_v1_UsersAmongRequest, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  
  Block(argument: _gochat_repo_v1_BlockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  Block(argument: _gochat_repo_v1_BlockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  Block(argument: _gochat_repo_v1_BlockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  Block(argument: _gochat_repo_v1_BlockRequest, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  block(argument: _gochat_repo_v1_BlockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  block(argument: _gochat_repo_v1_BlockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  block(argument: _gochat_repo_v1_BlockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  block(argument: _gochat_repo_v1_BlockRequest, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  
  BlockedAmong(argument: _gochat_repo_v1_UsersAmongRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  BlockedAmong(argument: _gochat_repo_v1_UsersAmongRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  BlockedAmong(argument: _gochat_repo_v1_UsersAmongRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  BlockedAmong(argument: _gochat_repo_v1_UsersAmongRequest, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  blockedAmong(argument: _gochat_repo_v1_UsersAmongRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  blockedAmong(argument: _gochat_repo_v1_UsersAmongRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  blockedAmong(argument: _gochat_repo_v1_UsersAmongRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  blockedAmong(argument: _gochat_repo_v1_UsersAmongRequest, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  
  CheckRevoked(argument: _gochat_repo_v1_CheckRevokedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  CheckRevoked(argument: _gochat_repo_v1_CheckRevokedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  CheckRevoked(argument: _gochat_repo_v1_CheckRevokedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  CheckRevoked(argument: _gochat_repo_v1_CheckRevokedRequest, callback: grpc.requestCallback<_gochat_repo_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  checkRevoked(argument: _gochat_repo_v1_CheckRevokedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  checkRevoked(argument: _gochat_repo_v1_CheckRevokedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  checkRevoked(argument: _gochat_repo_v1_CheckRevokedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  checkRevoked(argument: _gochat_repo_v1_CheckRevokedRequest, callback: grpc.requestCallback<_gochat_repo_v1_CheckRevokedResponse__Output>): grpc.ClientUnaryCall;
  
  CompleteAttachment(argument: _gochat_repo_v1_CompleteAttachmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  CompleteAttachment(argument: _gochat_repo_v1_CompleteAttachmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  CompleteAttachment(argument: _gochat_repo_v1_CompleteAttachmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  CompleteAttachment(argument: _gochat_repo_v1_CompleteAttachmentRequest, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  completeAttachment(argument: _gochat_repo_v1_CompleteAttachmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  completeAttachment(argument: _gochat_repo_v1_CompleteAttachmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  completeAttachment(argument: _gochat_repo_v1_CompleteAttachmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  completeAttachment(argument: _gochat_repo_v1_CompleteAttachmentRequest, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  
  ContactsAmong(argument: _gochat_repo_v1_ContactsAmongRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ContactsAmongResponse__Output>): grpc.ClientUnaryCall;
  ContactsAmong(argument: _gochat_repo_v1_ContactsAmongRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ContactsAmongResponse__Output>): grpc.ClientUnaryCall;
  ContactsAmong(argument: _gochat_repo_v1_ContactsAmongRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ContactsAmongResponse__Output>): grpc.ClientUnaryCall;
  ContactsAmong(argument: _gochat_repo_v1_ContactsAmongRequest, callback: grpc.requestCallback<_gochat_repo_v1_ContactsAmongResponse__Output>): grpc.ClientUnaryCall;
  contactsAmong(argument: _gochat_repo_v1_ContactsAmongRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ContactsAmongResponse__Output>): grpc.ClientUnaryCall;
  contactsAmong(argument: _gochat_repo_v1_ContactsAmongRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ContactsAmongResponse__Output>): grpc.ClientUnaryCall;
  contactsAmong(argument: _gochat_repo_v1_ContactsAmongRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ContactsAmongResponse__Output>): grpc.ClientUnaryCall;
  contactsAmong(argument: _gochat_repo_v1_ContactsAmongRequest, callback: grpc.requestCallback<_gochat_repo_v1_ContactsAmongResponse__Output>): grpc.ClientUnaryCall;
  
  CreateAttachment(argument: _gochat_repo_v1_CreateAttachmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  CreateAttachment(argument: _gochat_repo_v1_CreateAttachmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  CreateAttachment(argument: _gochat_repo_v1_CreateAttachmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  CreateAttachment(argument: _gochat_repo_v1_CreateAttachmentRequest, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  createAttachment(argument: _gochat_repo_v1_CreateAttachmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  createAttachment(argument: _gochat_repo_v1_CreateAttachmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  createAttachment(argument: _gochat_repo_v1_CreateAttachmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  createAttachment(argument: _gochat_repo_v1_CreateAttachmentRequest, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  
  CreateFriendRequest(argument: _gochat_repo_v1_FriendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  CreateFriendRequest(argument: _gochat_repo_v1_FriendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  CreateFriendRequest(argument: _gochat_repo_v1_FriendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  CreateFriendRequest(argument: _gochat_repo_v1_FriendRequest, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  createFriendRequest(argument: _gochat_repo_v1_FriendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  createFriendRequest(argument: _gochat_repo_v1_FriendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  createFriendRequest(argument: _gochat_repo_v1_FriendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  createFriendRequest(argument: _gochat_repo_v1_FriendRequest, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  CreateGroup(argument: _gochat_repo_v1_CreateGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  CreateGroup(argument: _gochat_repo_v1_CreateGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  CreateGroup(argument: _gochat_repo_v1_CreateGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  CreateGroup(argument: _gochat_repo_v1_CreateGroupRequest, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  createGroup(argument: _gochat_repo_v1_CreateGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  createGroup(argument: _gochat_repo_v1_CreateGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  createGroup(argument: _gochat_repo_v1_CreateGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  createGroup(argument: _gochat_repo_v1_CreateGroupRequest, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  
  CreateUser(argument: _gochat_repo_v1_CreateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _gochat_repo_v1_CreateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _gochat_repo_v1_CreateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _gochat_repo_v1_CreateUserRequest, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  createUser(argument: _gochat_repo_v1_CreateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  createUser(argument: _gochat_repo_v1_CreateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  createUser(argument: _gochat_repo_v1_CreateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  createUser(argument: _gochat_repo_v1_CreateUserRequest, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  
  CreateUsers(argument: _gochat_repo_v1_CreateUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_CreateUsersResponse__Output>): grpc.ClientUnaryCall;
  CreateUsers(argument: _gochat_repo_v1_CreateUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_CreateUsersResponse__Output>): grpc.ClientUnaryCall;
  CreateUsers(argument: _gochat_repo_v1_CreateUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_CreateUsersResponse__Output>): grpc.ClientUnaryCall;
  CreateUsers(argument: _gochat_repo_v1_CreateUsersRequest, callback: grpc.requestCallback<_gochat_repo_v1_CreateUsersResponse__Output>): grpc.ClientUnaryCall;
  createUsers(argument: _gochat_repo_v1_CreateUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_CreateUsersResponse__Output>): grpc.ClientUnaryCall;
  createUsers(argument: _gochat_repo_v1_CreateUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_CreateUsersResponse__Output>): grpc.ClientUnaryCall;
  createUsers(argument: _gochat_repo_v1_CreateUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_CreateUsersResponse__Output>): grpc.ClientUnaryCall;
  createUsers(argument: _gochat_repo_v1_CreateUsersRequest, callback: grpc.requestCallback<_gochat_repo_v1_CreateUsersResponse__Output>): grpc.ClientUnaryCall;
  
  DeclineInvitation(argument: _gochat_repo_v1_InvitationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeclineInvitation(argument: _gochat_repo_v1_InvitationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeclineInvitation(argument: _gochat_repo_v1_InvitationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeclineInvitation(argument: _gochat_repo_v1_InvitationRef, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  declineInvitation(argument: _gochat_repo_v1_InvitationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  declineInvitation(argument: _gochat_repo_v1_InvitationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  declineInvitation(argument: _gochat_repo_v1_InvitationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  declineInvitation(argument: _gochat_repo_v1_InvitationRef, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  DeleteAttachment(argument: _gochat_repo_v1_AttachmentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteAttachment(argument: _gochat_repo_v1_AttachmentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteAttachment(argument: _gochat_repo_v1_AttachmentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteAttachment(argument: _gochat_repo_v1_AttachmentRef, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteAttachment(argument: _gochat_repo_v1_AttachmentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteAttachment(argument: _gochat_repo_v1_AttachmentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteAttachment(argument: _gochat_repo_v1_AttachmentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteAttachment(argument: _gochat_repo_v1_AttachmentRef, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  EnsureDirectConversation(argument: _gochat_repo_v1_EnsureDirectConversationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_EnsureDirectConversationResponse__Output>): grpc.ClientUnaryCall;
  EnsureDirectConversation(argument: _gochat_repo_v1_EnsureDirectConversationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_EnsureDirectConversationResponse__Output>): grpc.ClientUnaryCall;
  EnsureDirectConversation(argument: _gochat_repo_v1_EnsureDirectConversationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_EnsureDirectConversationResponse__Output>): grpc.ClientUnaryCall;
  EnsureDirectConversation(argument: _gochat_repo_v1_EnsureDirectConversationRequest, callback: grpc.requestCallback<_gochat_repo_v1_EnsureDirectConversationResponse__Output>): grpc.ClientUnaryCall;
  ensureDirectConversation(argument: _gochat_repo_v1_EnsureDirectConversationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_EnsureDirectConversationResponse__Output>): grpc.ClientUnaryCall;
  ensureDirectConversation(argument: _gochat_repo_v1_EnsureDirectConversationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_EnsureDirectConversationResponse__Output>): grpc.ClientUnaryCall;
  ensureDirectConversation(argument: _gochat_repo_v1_EnsureDirectConversationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_EnsureDirectConversationResponse__Output>): grpc.ClientUnaryCall;
  ensureDirectConversation(argument: _gochat_repo_v1_EnsureDirectConversationRequest, callback: grpc.requestCallback<_gochat_repo_v1_EnsureDirectConversationResponse__Output>): grpc.ClientUnaryCall;
  
  ExpireMessages(argument: _gochat_repo_v1_ExpireMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ExpireMessagesResponse__Output>): grpc.ClientUnaryCall;
  ExpireMessages(argument: _gochat_repo_v1_ExpireMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ExpireMessagesResponse__Output>): grpc.ClientUnaryCall;
  ExpireMessages(argument: _gochat_repo_v1_ExpireMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ExpireMessagesResponse__Output>): grpc.ClientUnaryCall;
  ExpireMessages(argument: _gochat_repo_v1_ExpireMessagesRequest, callback: grpc.requestCallback<_gochat_repo_v1_ExpireMessagesResponse__Output>): grpc.ClientUnaryCall;
  expireMessages(argument: _gochat_repo_v1_ExpireMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ExpireMessagesResponse__Output>): grpc.ClientUnaryCall;
  expireMessages(argument: _gochat_repo_v1_ExpireMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ExpireMessagesResponse__Output>): grpc.ClientUnaryCall;
  expireMessages(argument: _gochat_repo_v1_ExpireMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ExpireMessagesResponse__Output>): grpc.ClientUnaryCall;
  expireMessages(argument: _gochat_repo_v1_ExpireMessagesRequest, callback: grpc.requestCallback<_gochat_repo_v1_ExpireMessagesResponse__Output>): grpc.ClientUnaryCall;
  
  FindUsers(argument: _gochat_repo_v1_FindUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_FindUsersResponse__Output>): grpc.ClientUnaryCall;
  FindUsers(argument: _gochat_repo_v1_FindUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_FindUsersResponse__Output>): grpc.ClientUnaryCall;
  FindUsers(argument: _gochat_repo_v1_FindUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_FindUsersResponse__Output>): grpc.ClientUnaryCall;
  FindUsers(argument: _gochat_repo_v1_FindUsersRequest, callback: grpc.requestCallback<_gochat_repo_v1_FindUsersResponse__Output>): grpc.ClientUnaryCall;
  findUsers(argument: _gochat_repo_v1_FindUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_FindUsersResponse__Output>): grpc.ClientUnaryCall;
  findUsers(argument: _gochat_repo_v1_FindUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_FindUsersResponse__Output>): grpc.ClientUnaryCall;
  findUsers(argument: _gochat_repo_v1_FindUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_FindUsersResponse__Output>): grpc.ClientUnaryCall;
  findUsers(argument: _gochat_repo_v1_FindUsersRequest, callback: grpc.requestCallback<_gochat_repo_v1_FindUsersResponse__Output>): grpc.ClientUnaryCall;
  
  GetAttachment(argument: _gochat_repo_v1_AttachmentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  GetAttachment(argument: _gochat_repo_v1_AttachmentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  GetAttachment(argument: _gochat_repo_v1_AttachmentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  GetAttachment(argument: _gochat_repo_v1_AttachmentRef, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  getAttachment(argument: _gochat_repo_v1_AttachmentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  getAttachment(argument: _gochat_repo_v1_AttachmentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  getAttachment(argument: _gochat_repo_v1_AttachmentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  getAttachment(argument: _gochat_repo_v1_AttachmentRef, callback: grpc.requestCallback<_gochat_repo_v1_Attachment__Output>): grpc.ClientUnaryCall;
  
  GetConversation(argument: _gochat_repo_v1_GetConversationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  GetConversation(argument: _gochat_repo_v1_GetConversationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  GetConversation(argument: _gochat_repo_v1_GetConversationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  GetConversation(argument: _gochat_repo_v1_GetConversationRequest, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  getConversation(argument: _gochat_repo_v1_GetConversationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  getConversation(argument: _gochat_repo_v1_GetConversationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  getConversation(argument: _gochat_repo_v1_GetConversationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  getConversation(argument: _gochat_repo_v1_GetConversationRequest, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  
  GetInvitation(argument: _gochat_repo_v1_InvitationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Invitation__Output>): grpc.ClientUnaryCall;
  GetInvitation(argument: _gochat_repo_v1_InvitationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Invitation__Output>): grpc.ClientUnaryCall;
  GetInvitation(argument: _gochat_repo_v1_InvitationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Invitation__Output>): grpc.ClientUnaryCall;
  GetInvitation(argument: _gochat_repo_v1_InvitationRef, callback: grpc.requestCallback<_gochat_repo_v1_Invitation__Output>): grpc.ClientUnaryCall;
  getInvitation(argument: _gochat_repo_v1_InvitationRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Invitation__Output>): grpc.ClientUnaryCall;
  getInvitation(argument: _gochat_repo_v1_InvitationRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Invitation__Output>): grpc.ClientUnaryCall;
  getInvitation(argument: _gochat_repo_v1_InvitationRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Invitation__Output>): grpc.ClientUnaryCall;
  getInvitation(argument: _gochat_repo_v1_InvitationRef, callback: grpc.requestCallback<_gochat_repo_v1_Invitation__Output>): grpc.ClientUnaryCall;
  
  GetMember(argument: _gochat_repo_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  GetMember(argument: _gochat_repo_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  GetMember(argument: _gochat_repo_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  GetMember(argument: _gochat_repo_v1_GetMemberRequest, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  getMember(argument: _gochat_repo_v1_GetMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  getMember(argument: _gochat_repo_v1_GetMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  getMember(argument: _gochat_repo_v1_GetMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  getMember(argument: _gochat_repo_v1_GetMemberRequest, callback: grpc.requestCallback<_gochat_repo_v1_Member__Output>): grpc.ClientUnaryCall;
  
  GetMessage(argument: _gochat_repo_v1_GetMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  GetMessage(argument: _gochat_repo_v1_GetMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  GetMessage(argument: _gochat_repo_v1_GetMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  GetMessage(argument: _gochat_repo_v1_GetMessageRequest, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  getMessage(argument: _gochat_repo_v1_GetMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  getMessage(argument: _gochat_repo_v1_GetMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  getMessage(argument: _gochat_repo_v1_GetMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  getMessage(argument: _gochat_repo_v1_GetMessageRequest, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  
  GetRetention(argument: _gochat_repo_v1_GetConversationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  GetRetention(argument: _gochat_repo_v1_GetConversationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  GetRetention(argument: _gochat_repo_v1_GetConversationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  GetRetention(argument: _gochat_repo_v1_GetConversationRequest, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  getRetention(argument: _gochat_repo_v1_GetConversationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  getRetention(argument: _gochat_repo_v1_GetConversationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  getRetention(argument: _gochat_repo_v1_GetConversationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  getRetention(argument: _gochat_repo_v1_GetConversationRequest, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  
  GetUser(argument: _gochat_repo_v1_GetUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _gochat_repo_v1_GetUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _gochat_repo_v1_GetUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _gochat_repo_v1_GetUserRequest, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _gochat_repo_v1_GetUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _gochat_repo_v1_GetUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _gochat_repo_v1_GetUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _gochat_repo_v1_GetUserRequest, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  
  GetUsers(argument: _gochat_repo_v1_FindUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  GetUsers(argument: _gochat_repo_v1_FindUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  GetUsers(argument: _gochat_repo_v1_FindUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  GetUsers(argument: _gochat_repo_v1_FindUsersRequest, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  getUsers(argument: _gochat_repo_v1_FindUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  getUsers(argument: _gochat_repo_v1_FindUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  getUsers(argument: _gochat_repo_v1_FindUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  getUsers(argument: _gochat_repo_v1_FindUsersRequest, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  
  InsertMessages(argument: _gochat_repo_v1_InsertMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_InsertMessagesResponse__Output>): grpc.ClientUnaryCall;
  InsertMessages(argument: _gochat_repo_v1_InsertMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_InsertMessagesResponse__Output>): grpc.ClientUnaryCall;
  InsertMessages(argument: _gochat_repo_v1_InsertMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_InsertMessagesResponse__Output>): grpc.ClientUnaryCall;
  InsertMessages(argument: _gochat_repo_v1_InsertMessagesRequest, callback: grpc.requestCallback<_gochat_repo_v1_InsertMessagesResponse__Output>): grpc.ClientUnaryCall;
  insertMessages(argument: _gochat_repo_v1_InsertMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_InsertMessagesResponse__Output>): grpc.ClientUnaryCall;
  insertMessages(argument: _gochat_repo_v1_InsertMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_InsertMessagesResponse__Output>): grpc.ClientUnaryCall;
  insertMessages(argument: _gochat_repo_v1_InsertMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_InsertMessagesResponse__Output>): grpc.ClientUnaryCall;
  insertMessages(argument: _gochat_repo_v1_InsertMessagesRequest, callback: grpc.requestCallback<_gochat_repo_v1_InsertMessagesResponse__Output>): grpc.ClientUnaryCall;
  
  InviteMembers(argument: _gochat_repo_v1_InviteMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_InviteMembersResponse__Output>): grpc.ClientUnaryCall;
  InviteMembers(argument: _gochat_repo_v1_InviteMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_InviteMembersResponse__Output>): grpc.ClientUnaryCall;
  InviteMembers(argument: _gochat_repo_v1_InviteMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_InviteMembersResponse__Output>): grpc.ClientUnaryCall;
  InviteMembers(argument: _gochat_repo_v1_InviteMembersRequest, callback: grpc.requestCallback<_gochat_repo_v1_InviteMembersResponse__Output>): grpc.ClientUnaryCall;
  inviteMembers(argument: _gochat_repo_v1_InviteMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_InviteMembersResponse__Output>): grpc.ClientUnaryCall;
  inviteMembers(argument: _gochat_repo_v1_InviteMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_InviteMembersResponse__Output>): grpc.ClientUnaryCall;
  inviteMembers(argument: _gochat_repo_v1_InviteMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_InviteMembersResponse__Output>): grpc.ClientUnaryCall;
  inviteMembers(argument: _gochat_repo_v1_InviteMembersRequest, callback: grpc.requestCallback<_gochat_repo_v1_InviteMembersResponse__Output>): grpc.ClientUnaryCall;
  
  ListBans(argument: _gochat_repo_v1_ListBansRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListBansResponse__Output>): grpc.ClientUnaryCall;
  ListBans(argument: _gochat_repo_v1_ListBansRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ListBansResponse__Output>): grpc.ClientUnaryCall;
  ListBans(argument: _gochat_repo_v1_ListBansRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListBansResponse__Output>): grpc.ClientUnaryCall;
  ListBans(argument: _gochat_repo_v1_ListBansRequest, callback: grpc.requestCallback<_gochat_repo_v1_ListBansResponse__Output>): grpc.ClientUnaryCall;
  listBans(argument: _gochat_repo_v1_ListBansRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListBansResponse__Output>): grpc.ClientUnaryCall;
  listBans(argument: _gochat_repo_v1_ListBansRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ListBansResponse__Output>): grpc.ClientUnaryCall;
  listBans(argument: _gochat_repo_v1_ListBansRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListBansResponse__Output>): grpc.ClientUnaryCall;
  listBans(argument: _gochat_repo_v1_ListBansRequest, callback: grpc.requestCallback<_gochat_repo_v1_ListBansResponse__Output>): grpc.ClientUnaryCall;
  
  ListBlocks(argument: _gochat_repo_v1_ListBlocksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListBlocksResponse__Output>): grpc.ClientUnaryCall;
  ListBlocks(argument: _gochat_repo_v1_ListBlocksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ListBlocksResponse__Output>): grpc.ClientUnaryCall;
  ListBlocks(argument: _gochat_repo_v1_ListBlocksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListBlocksResponse__Output>): grpc.ClientUnaryCall;
  ListBlocks(argument: _gochat_repo_v1_ListBlocksRequest, callback: grpc.requestCallback<_gochat_repo_v1_ListBlocksResponse__Output>): grpc.ClientUnaryCall;
  listBlocks(argument: _gochat_repo_v1_ListBlocksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListBlocksResponse__Output>): grpc.ClientUnaryCall;
  listBlocks(argument: _gochat_repo_v1_ListBlocksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ListBlocksResponse__Output>): grpc.ClientUnaryCall;
  listBlocks(argument: _gochat_repo_v1_ListBlocksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListBlocksResponse__Output>): grpc.ClientUnaryCall;
  listBlocks(argument: _gochat_repo_v1_ListBlocksRequest, callback: grpc.requestCallback<_gochat_repo_v1_ListBlocksResponse__Output>): grpc.ClientUnaryCall;
  
  ListDirectPeers(argument: _gochat_repo_v1_ListDirectPeersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersResponse__Output>): grpc.ClientUnaryCall;
  ListDirectPeers(argument: _gochat_repo_v1_ListDirectPeersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersResponse__Output>): grpc.ClientUnaryCall;
  ListDirectPeers(argument: _gochat_repo_v1_ListDirectPeersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersResponse__Output>): grpc.ClientUnaryCall;
  ListDirectPeers(argument: _gochat_repo_v1_ListDirectPeersRequest, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersResponse__Output>): grpc.ClientUnaryCall;
  listDirectPeers(argument: _gochat_repo_v1_ListDirectPeersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersResponse__Output>): grpc.ClientUnaryCall;
  listDirectPeers(argument: _gochat_repo_v1_ListDirectPeersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersResponse__Output>): grpc.ClientUnaryCall;
  listDirectPeers(argument: _gochat_repo_v1_ListDirectPeersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersResponse__Output>): grpc.ClientUnaryCall;
  listDirectPeers(argument: _gochat_repo_v1_ListDirectPeersRequest, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersResponse__Output>): grpc.ClientUnaryCall;
  
  ListDirectPeersMany(argument: _gochat_repo_v1_ListDirectPeersManyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersManyResponse__Output>): grpc.ClientUnaryCall;
  ListDirectPeersMany(argument: _gochat_repo_v1_ListDirectPeersManyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersManyResponse__Output>): grpc.ClientUnaryCall;
  ListDirectPeersMany(argument: _gochat_repo_v1_ListDirectPeersManyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersManyResponse__Output>): grpc.ClientUnaryCall;
  ListDirectPeersMany(argument: _gochat_repo_v1_ListDirectPeersManyRequest, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersManyResponse__Output>): grpc.ClientUnaryCall;
  listDirectPeersMany(argument: _gochat_repo_v1_ListDirectPeersManyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersManyResponse__Output>): grpc.ClientUnaryCall;
  listDirectPeersMany(argument: _gochat_repo_v1_ListDirectPeersManyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersManyResponse__Output>): grpc.ClientUnaryCall;
  listDirectPeersMany(argument: _gochat_repo_v1_ListDirectPeersManyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersManyResponse__Output>): grpc.ClientUnaryCall;
  listDirectPeersMany(argument: _gochat_repo_v1_ListDirectPeersManyRequest, callback: grpc.requestCallback<_gochat_repo_v1_ListDirectPeersManyResponse__Output>): grpc.ClientUnaryCall;
  
  ListInvitations(argument: _gochat_repo_v1_ListInvitationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListInvitationsResponse__Output>): grpc.ClientUnaryCall;
  ListInvitations(argument: _gochat_repo_v1_ListInvitationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ListInvitationsResponse__Output>): grpc.ClientUnaryCall;
  ListInvitations(argument: _gochat_repo_v1_ListInvitationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListInvitationsResponse__Output>): grpc.ClientUnaryCall;
  ListInvitations(argument: _gochat_repo_v1_ListInvitationsRequest, callback: grpc.requestCallback<_gochat_repo_v1_ListInvitationsResponse__Output>): grpc.ClientUnaryCall;
  listInvitations(argument: _gochat_repo_v1_ListInvitationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListInvitationsResponse__Output>): grpc.ClientUnaryCall;
  listInvitations(argument: _gochat_repo_v1_ListInvitationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ListInvitationsResponse__Output>): grpc.ClientUnaryCall;
  listInvitations(argument: _gochat_repo_v1_ListInvitationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListInvitationsResponse__Output>): grpc.ClientUnaryCall;
  listInvitations(argument: _gochat_repo_v1_ListInvitationsRequest, callback: grpc.requestCallback<_gochat_repo_v1_ListInvitationsResponse__Output>): grpc.ClientUnaryCall;
  
  ListMembers(argument: _gochat_repo_v1_ListMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  ListMembers(argument: _gochat_repo_v1_ListMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  ListMembers(argument: _gochat_repo_v1_ListMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  ListMembers(argument: _gochat_repo_v1_ListMembersRequest, callback: grpc.requestCallback<_gochat_repo_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  listMembers(argument: _gochat_repo_v1_ListMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  listMembers(argument: _gochat_repo_v1_ListMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  listMembers(argument: _gochat_repo_v1_ListMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  listMembers(argument: _gochat_repo_v1_ListMembersRequest, callback: grpc.requestCallback<_gochat_repo_v1_ListMembersResponse__Output>): grpc.ClientUnaryCall;
  
  ListPins(argument: _gochat_repo_v1_GetConversationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListPins(argument: _gochat_repo_v1_GetConversationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListPins(argument: _gochat_repo_v1_GetConversationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListPins(argument: _gochat_repo_v1_GetConversationRequest, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  listPins(argument: _gochat_repo_v1_GetConversationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  listPins(argument: _gochat_repo_v1_GetConversationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  listPins(argument: _gochat_repo_v1_GetConversationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  listPins(argument: _gochat_repo_v1_GetConversationRequest, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  
  ListUserConversations(argument: _gochat_repo_v1_ListUserConversationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListUserConversationsResponse__Output>): grpc.ClientUnaryCall;
  ListUserConversations(argument: _gochat_repo_v1_ListUserConversationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ListUserConversationsResponse__Output>): grpc.ClientUnaryCall;
  ListUserConversations(argument: _gochat_repo_v1_ListUserConversationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListUserConversationsResponse__Output>): grpc.ClientUnaryCall;
  ListUserConversations(argument: _gochat_repo_v1_ListUserConversationsRequest, callback: grpc.requestCallback<_gochat_repo_v1_ListUserConversationsResponse__Output>): grpc.ClientUnaryCall;
  listUserConversations(argument: _gochat_repo_v1_ListUserConversationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListUserConversationsResponse__Output>): grpc.ClientUnaryCall;
  listUserConversations(argument: _gochat_repo_v1_ListUserConversationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ListUserConversationsResponse__Output>): grpc.ClientUnaryCall;
  listUserConversations(argument: _gochat_repo_v1_ListUserConversationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ListUserConversationsResponse__Output>): grpc.ClientUnaryCall;
  listUserConversations(argument: _gochat_repo_v1_ListUserConversationsRequest, callback: grpc.requestCallback<_gochat_repo_v1_ListUserConversationsResponse__Output>): grpc.ClientUnaryCall;
  
  LocateMembers(argument: _gochat_repo_v1_LocateMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_LocateMembersResponse__Output>): grpc.ClientUnaryCall;
  LocateMembers(argument: _gochat_repo_v1_LocateMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_LocateMembersResponse__Output>): grpc.ClientUnaryCall;
  LocateMembers(argument: _gochat_repo_v1_LocateMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_LocateMembersResponse__Output>): grpc.ClientUnaryCall;
  LocateMembers(argument: _gochat_repo_v1_LocateMembersRequest, callback: grpc.requestCallback<_gochat_repo_v1_LocateMembersResponse__Output>): grpc.ClientUnaryCall;
  locateMembers(argument: _gochat_repo_v1_LocateMembersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_LocateMembersResponse__Output>): grpc.ClientUnaryCall;
  locateMembers(argument: _gochat_repo_v1_LocateMembersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_LocateMembersResponse__Output>): grpc.ClientUnaryCall;
  locateMembers(argument: _gochat_repo_v1_LocateMembersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_LocateMembersResponse__Output>): grpc.ClientUnaryCall;
  locateMembers(argument: _gochat_repo_v1_LocateMembersRequest, callback: grpc.requestCallback<_gochat_repo_v1_LocateMembersResponse__Output>): grpc.ClientUnaryCall;
  
  LookupPresence(argument: _gochat_repo_v1_LookupPresenceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_LookupPresenceResponse__Output>): grpc.ClientUnaryCall;
  LookupPresence(argument: _gochat_repo_v1_LookupPresenceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_LookupPresenceResponse__Output>): grpc.ClientUnaryCall;
  LookupPresence(argument: _gochat_repo_v1_LookupPresenceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_LookupPresenceResponse__Output>): grpc.ClientUnaryCall;
  LookupPresence(argument: _gochat_repo_v1_LookupPresenceRequest, callback: grpc.requestCallback<_gochat_repo_v1_LookupPresenceResponse__Output>): grpc.ClientUnaryCall;
  lookupPresence(argument: _gochat_repo_v1_LookupPresenceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_LookupPresenceResponse__Output>): grpc.ClientUnaryCall;
  lookupPresence(argument: _gochat_repo_v1_LookupPresenceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_LookupPresenceResponse__Output>): grpc.ClientUnaryCall;
  lookupPresence(argument: _gochat_repo_v1_LookupPresenceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_LookupPresenceResponse__Output>): grpc.ClientUnaryCall;
  lookupPresence(argument: _gochat_repo_v1_LookupPresenceRequest, callback: grpc.requestCallback<_gochat_repo_v1_LookupPresenceResponse__Output>): grpc.ClientUnaryCall;
  
  MutedAmong(argument: _gochat_repo_v1_UsersAmongRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  MutedAmong(argument: _gochat_repo_v1_UsersAmongRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  MutedAmong(argument: _gochat_repo_v1_UsersAmongRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  MutedAmong(argument: _gochat_repo_v1_UsersAmongRequest, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  mutedAmong(argument: _gochat_repo_v1_UsersAmongRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  mutedAmong(argument: _gochat_repo_v1_UsersAmongRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  mutedAmong(argument: _gochat_repo_v1_UsersAmongRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  mutedAmong(argument: _gochat_repo_v1_UsersAmongRequest, callback: grpc.requestCallback<_gochat_repo_v1_UsersAmongResponse__Output>): grpc.ClientUnaryCall;
  
  MutedConversations(argument: _gochat_repo_v1_ListBlocksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_MutedConversationsResponse__Output>): grpc.ClientUnaryCall;
  MutedConversations(argument: _gochat_repo_v1_ListBlocksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_MutedConversationsResponse__Output>): grpc.ClientUnaryCall;
  MutedConversations(argument: _gochat_repo_v1_ListBlocksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_MutedConversationsResponse__Output>): grpc.ClientUnaryCall;
  MutedConversations(argument: _gochat_repo_v1_ListBlocksRequest, callback: grpc.requestCallback<_gochat_repo_v1_MutedConversationsResponse__Output>): grpc.ClientUnaryCall;
  mutedConversations(argument: _gochat_repo_v1_ListBlocksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_MutedConversationsResponse__Output>): grpc.ClientUnaryCall;
  mutedConversations(argument: _gochat_repo_v1_ListBlocksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_MutedConversationsResponse__Output>): grpc.ClientUnaryCall;
  mutedConversations(argument: _gochat_repo_v1_ListBlocksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_MutedConversationsResponse__Output>): grpc.ClientUnaryCall;
  mutedConversations(argument: _gochat_repo_v1_ListBlocksRequest, callback: grpc.requestCallback<_gochat_repo_v1_MutedConversationsResponse__Output>): grpc.ClientUnaryCall;
  
  PublishEvents(argument: _gochat_repo_v1_PublishEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  PublishEvents(argument: _gochat_repo_v1_PublishEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  PublishEvents(argument: _gochat_repo_v1_PublishEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  PublishEvents(argument: _gochat_repo_v1_PublishEventsRequest, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  publishEvents(argument: _gochat_repo_v1_PublishEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  publishEvents(argument: _gochat_repo_v1_PublishEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  publishEvents(argument: _gochat_repo_v1_PublishEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  publishEvents(argument: _gochat_repo_v1_PublishEventsRequest, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  ReleaseAttachment(argument: _gochat_repo_v1_AttachmentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ReleaseAttachmentResponse__Output>): grpc.ClientUnaryCall;
  ReleaseAttachment(argument: _gochat_repo_v1_AttachmentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ReleaseAttachmentResponse__Output>): grpc.ClientUnaryCall;
  ReleaseAttachment(argument: _gochat_repo_v1_AttachmentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ReleaseAttachmentResponse__Output>): grpc.ClientUnaryCall;
  ReleaseAttachment(argument: _gochat_repo_v1_AttachmentRef, callback: grpc.requestCallback<_gochat_repo_v1_ReleaseAttachmentResponse__Output>): grpc.ClientUnaryCall;
  releaseAttachment(argument: _gochat_repo_v1_AttachmentRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ReleaseAttachmentResponse__Output>): grpc.ClientUnaryCall;
  releaseAttachment(argument: _gochat_repo_v1_AttachmentRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_ReleaseAttachmentResponse__Output>): grpc.ClientUnaryCall;
  releaseAttachment(argument: _gochat_repo_v1_AttachmentRef, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_ReleaseAttachmentResponse__Output>): grpc.ClientUnaryCall;
  releaseAttachment(argument: _gochat_repo_v1_AttachmentRef, callback: grpc.requestCallback<_gochat_repo_v1_ReleaseAttachmentResponse__Output>): grpc.ClientUnaryCall;
  
  RemoveMember(argument: _gochat_repo_v1_RemoveMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  RemoveMember(argument: _gochat_repo_v1_RemoveMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  RemoveMember(argument: _gochat_repo_v1_RemoveMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  RemoveMember(argument: _gochat_repo_v1_RemoveMemberRequest, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  removeMember(argument: _gochat_repo_v1_RemoveMemberRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  removeMember(argument: _gochat_repo_v1_RemoveMemberRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  removeMember(argument: _gochat_repo_v1_RemoveMemberRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  removeMember(argument: _gochat_repo_v1_RemoveMemberRequest, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  RevokeToken(argument: _gochat_repo_v1_RevokeTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  RevokeToken(argument: _gochat_repo_v1_RevokeTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  RevokeToken(argument: _gochat_repo_v1_RevokeTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  RevokeToken(argument: _gochat_repo_v1_RevokeTokenRequest, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  revokeToken(argument: _gochat_repo_v1_RevokeTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  revokeToken(argument: _gochat_repo_v1_RevokeTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  revokeToken(argument: _gochat_repo_v1_RevokeTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  revokeToken(argument: _gochat_repo_v1_RevokeTokenRequest, callback: grpc.requestCallback<_gochat_repo_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  SearchMessages(argument: _gochat_repo_v1_SearchMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  SearchMessages(argument: _gochat_repo_v1_SearchMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  SearchMessages(argument: _gochat_repo_v1_SearchMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  SearchMessages(argument: _gochat_repo_v1_SearchMessagesRequest, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  searchMessages(argument: _gochat_repo_v1_SearchMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  searchMessages(argument: _gochat_repo_v1_SearchMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  searchMessages(argument: _gochat_repo_v1_SearchMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  searchMessages(argument: _gochat_repo_v1_SearchMessagesRequest, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  
  SearchUsers(argument: _gochat_repo_v1_SearchUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  SearchUsers(argument: _gochat_repo_v1_SearchUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  SearchUsers(argument: _gochat_repo_v1_SearchUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  SearchUsers(argument: _gochat_repo_v1_SearchUsersRequest, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  searchUsers(argument: _gochat_repo_v1_SearchUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  searchUsers(argument: _gochat_repo_v1_SearchUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  searchUsers(argument: _gochat_repo_v1_SearchUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  searchUsers(argument: _gochat_repo_v1_SearchUsersRequest, callback: grpc.requestCallback<_gochat_repo_v1_UsersResponse__Output>): grpc.ClientUnaryCall;
  
  SetAnnouncement(argument: _gochat_repo_v1_SetAnnouncementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  SetAnnouncement(argument: _gochat_repo_v1_SetAnnouncementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  SetAnnouncement(argument: _gochat_repo_v1_SetAnnouncementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  SetAnnouncement(argument: _gochat_repo_v1_SetAnnouncementRequest, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  setAnnouncement(argument: _gochat_repo_v1_SetAnnouncementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  setAnnouncement(argument: _gochat_repo_v1_SetAnnouncementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  setAnnouncement(argument: _gochat_repo_v1_SetAnnouncementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  setAnnouncement(argument: _gochat_repo_v1_SetAnnouncementRequest, callback: grpc.requestCallback<_gochat_repo_v1_Conversation__Output>): grpc.ClientUnaryCall;
  
  SetBan(argument: _gochat_repo_v1_BanRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  SetBan(argument: _gochat_repo_v1_BanRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  SetBan(argument: _gochat_repo_v1_BanRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  SetBan(argument: _gochat_repo_v1_BanRequest, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  setBan(argument: _gochat_repo_v1_BanRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  setBan(argument: _gochat_repo_v1_BanRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  setBan(argument: _gochat_repo_v1_BanRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  setBan(argument: _gochat_repo_v1_BanRequest, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  
  SetConversationMuted(argument: _gochat_repo_v1_ConversationMuteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  SetConversationMuted(argument: _gochat_repo_v1_ConversationMuteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  SetConversationMuted(argument: _gochat_repo_v1_ConversationMuteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  SetConversationMuted(argument: _gochat_repo_v1_ConversationMuteRequest, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  setConversationMuted(argument: _gochat_repo_v1_ConversationMuteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  setConversationMuted(argument: _gochat_repo_v1_ConversationMuteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  setConversationMuted(argument: _gochat_repo_v1_ConversationMuteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  setConversationMuted(argument: _gochat_repo_v1_ConversationMuteRequest, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  
  SetMemberMute(argument: _gochat_repo_v1_MemberMuteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  SetMemberMute(argument: _gochat_repo_v1_MemberMuteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  SetMemberMute(argument: _gochat_repo_v1_MemberMuteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  SetMemberMute(argument: _gochat_repo_v1_MemberMuteRequest, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  setMemberMute(argument: _gochat_repo_v1_MemberMuteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  setMemberMute(argument: _gochat_repo_v1_MemberMuteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  setMemberMute(argument: _gochat_repo_v1_MemberMuteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  setMemberMute(argument: _gochat_repo_v1_MemberMuteRequest, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  
  SetReadSeq(argument: _gochat_repo_v1_SetReadSeqRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SetReadSeqResponse__Output>): grpc.ClientUnaryCall;
  SetReadSeq(argument: _gochat_repo_v1_SetReadSeqRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_SetReadSeqResponse__Output>): grpc.ClientUnaryCall;
  SetReadSeq(argument: _gochat_repo_v1_SetReadSeqRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SetReadSeqResponse__Output>): grpc.ClientUnaryCall;
  SetReadSeq(argument: _gochat_repo_v1_SetReadSeqRequest, callback: grpc.requestCallback<_gochat_repo_v1_SetReadSeqResponse__Output>): grpc.ClientUnaryCall;
  setReadSeq(argument: _gochat_repo_v1_SetReadSeqRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SetReadSeqResponse__Output>): grpc.ClientUnaryCall;
  setReadSeq(argument: _gochat_repo_v1_SetReadSeqRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_SetReadSeqResponse__Output>): grpc.ClientUnaryCall;
  setReadSeq(argument: _gochat_repo_v1_SetReadSeqRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SetReadSeqResponse__Output>): grpc.ClientUnaryCall;
  setReadSeq(argument: _gochat_repo_v1_SetReadSeqRequest, callback: grpc.requestCallback<_gochat_repo_v1_SetReadSeqResponse__Output>): grpc.ClientUnaryCall;
  
  SetRetention(argument: _gochat_repo_v1_SetRetentionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  SetRetention(argument: _gochat_repo_v1_SetRetentionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  SetRetention(argument: _gochat_repo_v1_SetRetentionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  SetRetention(argument: _gochat_repo_v1_SetRetentionRequest, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  setRetention(argument: _gochat_repo_v1_SetRetentionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  setRetention(argument: _gochat_repo_v1_SetRetentionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  setRetention(argument: _gochat_repo_v1_SetRetentionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  setRetention(argument: _gochat_repo_v1_SetRetentionRequest, callback: grpc.requestCallback<_gochat_repo_v1_RetentionSettings__Output>): grpc.ClientUnaryCall;
  
  StoreMessage(argument: _gochat_repo_v1_StoreMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessageResponse__Output>): grpc.ClientUnaryCall;
  StoreMessage(argument: _gochat_repo_v1_StoreMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessageResponse__Output>): grpc.ClientUnaryCall;
  StoreMessage(argument: _gochat_repo_v1_StoreMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessageResponse__Output>): grpc.ClientUnaryCall;
  StoreMessage(argument: _gochat_repo_v1_StoreMessageRequest, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessageResponse__Output>): grpc.ClientUnaryCall;
  storeMessage(argument: _gochat_repo_v1_StoreMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessageResponse__Output>): grpc.ClientUnaryCall;
  storeMessage(argument: _gochat_repo_v1_StoreMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessageResponse__Output>): grpc.ClientUnaryCall;
  storeMessage(argument: _gochat_repo_v1_StoreMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessageResponse__Output>): grpc.ClientUnaryCall;
  storeMessage(argument: _gochat_repo_v1_StoreMessageRequest, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessageResponse__Output>): grpc.ClientUnaryCall;
  
  StoreMessages(argument: _gochat_repo_v1_StoreMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessagesResponse__Output>): grpc.ClientUnaryCall;
  StoreMessages(argument: _gochat_repo_v1_StoreMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessagesResponse__Output>): grpc.ClientUnaryCall;
  StoreMessages(argument: _gochat_repo_v1_StoreMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessagesResponse__Output>): grpc.ClientUnaryCall;
  StoreMessages(argument: _gochat_repo_v1_StoreMessagesRequest, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessagesResponse__Output>): grpc.ClientUnaryCall;
  storeMessages(argument: _gochat_repo_v1_StoreMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessagesResponse__Output>): grpc.ClientUnaryCall;
  storeMessages(argument: _gochat_repo_v1_StoreMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessagesResponse__Output>): grpc.ClientUnaryCall;
  storeMessages(argument: _gochat_repo_v1_StoreMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessagesResponse__Output>): grpc.ClientUnaryCall;
  storeMessages(argument: _gochat_repo_v1_StoreMessagesRequest, callback: grpc.requestCallback<_gochat_repo_v1_StoreMessagesResponse__Output>): grpc.ClientUnaryCall;
  
  SyncMessages(argument: _gochat_repo_v1_SyncMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  SyncMessages(argument: _gochat_repo_v1_SyncMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  SyncMessages(argument: _gochat_repo_v1_SyncMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  SyncMessages(argument: _gochat_repo_v1_SyncMessagesRequest, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  syncMessages(argument: _gochat_repo_v1_SyncMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  syncMessages(argument: _gochat_repo_v1_SyncMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  syncMessages(argument: _gochat_repo_v1_SyncMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  syncMessages(argument: _gochat_repo_v1_SyncMessagesRequest, callback: grpc.requestCallback<_gochat_repo_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  
  Unblock(argument: _gochat_repo_v1_BlockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  Unblock(argument: _gochat_repo_v1_BlockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  Unblock(argument: _gochat_repo_v1_BlockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  Unblock(argument: _gochat_repo_v1_BlockRequest, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  unblock(argument: _gochat_repo_v1_BlockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  unblock(argument: _gochat_repo_v1_BlockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  unblock(argument: _gochat_repo_v1_BlockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  unblock(argument: _gochat_repo_v1_BlockRequest, callback: grpc.requestCallback<_gochat_repo_v1_Changed__Output>): grpc.ClientUnaryCall;
  
  UpdateMessageStatus(argument: _gochat_repo_v1_UpdateMessageStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  UpdateMessageStatus(argument: _gochat_repo_v1_UpdateMessageStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  UpdateMessageStatus(argument: _gochat_repo_v1_UpdateMessageStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  UpdateMessageStatus(argument: _gochat_repo_v1_UpdateMessageStatusRequest, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  updateMessageStatus(argument: _gochat_repo_v1_UpdateMessageStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  updateMessageStatus(argument: _gochat_repo_v1_UpdateMessageStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  updateMessageStatus(argument: _gochat_repo_v1_UpdateMessageStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  updateMessageStatus(argument: _gochat_repo_v1_UpdateMessageStatusRequest, callback: grpc.requestCallback<_gochat_repo_v1_Message__Output>): grpc.ClientUnaryCall;
  
  UpdateUser(argument: _gochat_repo_v1_UpdateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateUser(argument: _gochat_repo_v1_UpdateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateUser(argument: _gochat_repo_v1_UpdateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateUser(argument: _gochat_repo_v1_UpdateUserRequest, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  updateUser(argument: _gochat_repo_v1_UpdateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  updateUser(argument: _gochat_repo_v1_UpdateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  updateUser(argument: _gochat_repo_v1_UpdateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  updateUser(argument: _gochat_repo_v1_UpdateUserRequest, callback: grpc.requestCallback<_gochat_repo_v1_User__Output>): grpc.ClientUnaryCall;
  
}

export interface RepoServiceHandlers extends grpc.UntypedServiceImplementation {
  AcceptFriendRequest: grpc.handleUnaryCall<_gochat_repo_v1_FriendRequest__Output, _gochat_repo_v1_Empty>;
  
  AcceptInvitation: grpc.handleUnaryCall<_gochat_repo_v1_InvitationRef__Output, _gochat_repo_v1_Member>;
  
  AddMembers: grpc.handleUnaryCall<_gochat_repo_v1_AddMembersRequest__Output, _gochat_repo_v1_AddMembersResponse>;
  
  AllocateSeq: grpc.handleUnaryCall<_gochat_repo_v1_AllocateSeqRequest__Output, _gochat_repo_v1_AllocateSeqResponse>;
  
  AttachmentSharedWith: grpc.handleUnaryCall<_gochat_repo_v1_AttachmentAccessRequest__Output, _gochat_repo_v1_AttachmentAccessResponse>;
  
  BannedAmong: grpc.handleUnaryCall<_gochat_repo_v1_UsersAmongRequest__Output, _gochat_repo_v1_UsersAmongResponse>;
  
  Block: grpc.handleUnaryCall<_gochat_repo_v1_BlockRequest__Output, _gochat_repo_v1_Changed>;
  
  BlockedAmong: grpc.handleUnaryCall<_gochat_repo_v1_UsersAmongRequest__Output, _gochat_repo_v1_UsersAmongResponse>;
  
  CheckRevoked: grpc.handleUnaryCall<_gochat_repo_v1_CheckRevokedRequest__Output, _gochat_repo_v1_CheckRevokedResponse>;
  
  CompleteAttachment: grpc.handleUnaryCall<_gochat_repo_v1_CompleteAttachmentRequest__Output, _gochat_repo_v1_Attachment>;
  
  ContactsAmong: grpc.handleUnaryCall<_gochat_repo_v1_ContactsAmongRequest__Output, _gochat_repo_v1_ContactsAmongResponse>;
  
  CreateAttachment: grpc.handleUnaryCall<_gochat_repo_v1_CreateAttachmentRequest__Output, _gochat_repo_v1_Attachment>;
  
  CreateFriendRequest: grpc.handleUnaryCall<_gochat_repo_v1_FriendRequest__Output, _gochat_repo_v1_Empty>;
  
  CreateGroup: grpc.handleUnaryCall<_gochat_repo_v1_CreateGroupRequest__Output, _gochat_repo_v1_Conversation>;
  
  CreateUser: grpc.handleUnaryCall<_gochat_repo_v1_CreateUserRequest__Output, _gochat_repo_v1_User>;
  
  CreateUsers: grpc.handleUnaryCall<_gochat_repo_v1_CreateUsersRequest__Output, _gochat_repo_v1_CreateUsersResponse>;
  
  DeclineInvitation: grpc.handleUnaryCall<_gochat_repo_v1_InvitationRef__Output, _gochat_repo_v1_Empty>;
  
  DeleteAttachment: grpc.handleUnaryCall<_gochat_repo_v1_AttachmentRef__Output, _gochat_repo_v1_Empty>;
  
  EnsureDirectConversation: grpc.handleUnaryCall<_gochat_repo_v1_EnsureDirectConversationRequest__Output, _gochat_repo_v1_EnsureDirectConversationResponse>;
  
  ExpireMessages: grpc.handleUnaryCall<_gochat_repo_v1_ExpireMessagesRequest__Output, _gochat_repo_v1_ExpireMessagesResponse>;
  
  FindUsers: grpc.handleUnaryCall<_gochat_repo_v1_FindUsersRequest__Output, _gochat_repo_v1_FindUsersResponse>;
  
  GetAttachment: grpc.handleUnaryCall<_gochat_repo_v1_AttachmentRef__Output, _gochat_repo_v1_Attachment>;
  
  GetConversation: grpc.handleUnaryCall<_gochat_repo_v1_GetConversationRequest__Output, _gochat_repo_v1_Conversation>;
  
  GetInvitation: grpc.handleUnaryCall<_gochat_repo_v1_InvitationRef__Output, _gochat_repo_v1_Invitation>;
  
  GetMember: grpc.handleUnaryCall<_gochat_repo_v1_GetMemberRequest__Output, _gochat_repo_v1_Member>;
  
  GetMessage: grpc.handleUnaryCall<_gochat_repo_v1_GetMessageRequest__Output, _gochat_repo_v1_Message>;
  
  GetRetention: grpc.handleUnaryCall<_gochat_repo_v1_GetConversationRequest__Output, _gochat_repo_v1_RetentionSettings>;
  
  GetUser: grpc.handleUnaryCall<_gochat_repo_v1_GetUserRequest__Output, _gochat_repo_v1_User>;
  
  GetUsers: grpc.handleUnaryCall<_gochat_repo_v1_FindUsersRequest__Output, _gochat_repo_v1_UsersResponse>;
  
  InsertMessages: grpc.handleUnaryCall<_gochat_repo_v1_InsertMessagesRequest__Output, _gochat_repo_v1_InsertMessagesResponse>;
  
  InviteMembers: grpc.handleUnaryCall<_gochat_repo_v1_InviteMembersRequest__Output, _gochat_repo_v1_InviteMembersResponse>;
  
  ListBans: grpc.handleUnaryCall<_gochat_repo_v1_ListBansRequest__Output, _gochat_repo_v1_ListBansResponse>;
  
  ListBlocks: grpc.handleUnaryCall<_gochat_repo_v1_ListBlocksRequest__Output, _gochat_repo_v1_ListBlocksResponse>;
  
  ListDirectPeers: grpc.handleUnaryCall<_gochat_repo_v1_ListDirectPeersRequest__Output, _gochat_repo_v1_ListDirectPeersResponse>;
  
  ListDirectPeersMany: grpc.handleUnaryCall<_gochat_repo_v1_ListDirectPeersManyRequest__Output, _gochat_repo_v1_ListDirectPeersManyResponse>;
  
  ListInvitations: grpc.handleUnaryCall<_gochat_repo_v1_ListInvitationsRequest__Output, _gochat_repo_v1_ListInvitationsResponse>;
  
  ListMembers: grpc.handleUnaryCall<_gochat_repo_v1_ListMembersRequest__Output, _gochat_repo_v1_ListMembersResponse>;
  
  ListPins: grpc.handleUnaryCall<_gochat_repo_v1_GetConversationRequest__Output, _gochat_repo_v1_SyncMessagesResponse>;
  
  ListUserConversations: grpc.handleUnaryCall<_gochat_repo_v1_ListUserConversationsRequest__Output, _gochat_repo_v1_ListUserConversationsResponse>;
  
  LocateMembers: grpc.handleUnaryCall<_gochat_repo_v1_LocateMembersRequest__Output, _gochat_repo_v1_LocateMembersResponse>;
  
  LookupPresence: grpc.handleUnaryCall<_gochat_repo_v1_LookupPresenceRequest__Output, _gochat_repo_v1_LookupPresenceResponse>;
  
  MutedAmong: grpc.handleUnaryCall<_gochat_repo_v1_UsersAmongRequest__Output, _gochat_repo_v1_UsersAmongResponse>;
  
  MutedConversations: grpc.handleUnaryCall<_gochat_repo_v1_ListBlocksRequest__Output, _gochat_repo_v1_MutedConversationsResponse>;
  
  PublishEvents: grpc.handleUnaryCall<_gochat_repo_v1_PublishEventsRequest__Output, _gochat_repo_v1_Empty>;
  
  ReleaseAttachment: grpc.handleUnaryCall<_gochat_repo_v1_AttachmentRef__Output, _gochat_repo_v1_ReleaseAttachmentResponse>;
  
  RemoveMember: grpc.handleUnaryCall<_gochat_repo_v1_RemoveMemberRequest__Output, _gochat_repo_v1_Empty>;
  
  RevokeToken: grpc.handleUnaryCall<_gochat_repo_v1_RevokeTokenRequest__Output, _gochat_repo_v1_Empty>;
  
  SearchMessages: grpc.handleUnaryCall<_gochat_repo_v1_SearchMessagesRequest__Output, _gochat_repo_v1_SyncMessagesResponse>;
  
  SearchUsers: grpc.handleUnaryCall<_gochat_repo_v1_SearchUsersRequest__Output, _gochat_repo_v1_UsersResponse>;
  
  SetAnnouncement: grpc.handleUnaryCall<_gochat_repo_v1_SetAnnouncementRequest__Output, _gochat_repo_v1_Conversation>;
  
  SetBan: grpc.handleUnaryCall<_gochat_repo_v1_BanRequest__Output, _gochat_repo_v1_Changed>;
  
  SetConversationMuted: grpc.handleUnaryCall<_gochat_repo_v1_ConversationMuteRequest__Output, _gochat_repo_v1_Changed>;
  
  SetMemberMute: grpc.handleUnaryCall<_gochat_repo_v1_MemberMuteRequest__Output, _gochat_repo_v1_Changed>;
  
  SetReadSeq: grpc.handleUnaryCall<_gochat_repo_v1_SetReadSeqRequest__Output, _gochat_repo_v1_SetReadSeqResponse>;
  
  SetRetention: grpc.handleUnaryCall<_gochat_repo_v1_SetRetentionRequest__Output, _gochat_repo_v1_RetentionSettings>;
  
  StoreMessage: grpc.handleUnaryCall<_gochat_repo_v1_StoreMessageRequest__Output, _gochat_repo_v1_StoreMessageResponse>;
  
  StoreMessages: grpc.handleUnaryCall<_gochat_repo_v1_StoreMessagesRequest__Output, _gochat_repo_v1_StoreMessagesResponse>;
  
  SyncMessages: grpc.handleUnaryCall<_gochat_repo_v1_SyncMessagesRequest__Output, _gochat_repo_v1_SyncMessagesResponse>;
  
  Unblock: grpc.handleUnaryCall<_gochat_repo_v1_BlockRequest__Output, _gochat_repo_v1_Changed>;
  
  UpdateMessageStatus: grpc.handleUnaryCall<_gochat_repo_v1_UpdateMessageStatusRequest__Output, _gochat_repo_v1_Message>;
  
  UpdateUser: grpc.handleUnaryCall<_gochat_repo_v1_UpdateUserRequest__Output, _gochat_repo_v1_User>;
  
}

export interface RepoServiceDefinition extends grpc.ServiceDefinition {
  AcceptFriendRequest: MethodDefinition<_gochat_repo_v1_FriendRequest, _gochat_repo_v1_Empty, _gochat_repo_v1_FriendRequest__Output, _gochat_repo_v1_Empty__Output>
  AcceptInvitation: MethodDefinition<_gochat_repo_v1_InvitationRef, _gochat_repo_v1_Member, _gochat_repo_v1_InvitationRef__Output, _gochat_repo_v1_Member__Output>
  AddMembers: MethodDefinition<_gochat_repo_v1_AddMembersRequest, _gochat_repo_v1_AddMembersResponse, _gochat_repo_v1_AddMembersRequest__Output, _gochat_repo_v1_AddMembersResponse__Output>
  AllocateSeq: MethodDefinition<_gochat_repo_v1_AllocateSeqRequest, _gochat_repo_v1_AllocateSeqResponse, _gochat_repo_v1_AllocateSeqRequest__Output, _gochat_repo_v1_AllocateSeqResponse__Output>
  AttachmentSharedWith: MethodDefinition<_gochat_repo_v1_AttachmentAccessRequest, _gochat_repo_v1_AttachmentAccessResponse, _gochat_repo_v1_AttachmentAccessRequest__Output, _gochat_repo_v1_AttachmentAccessResponse__Output>
  BannedAmong: MethodDefinition<_gochat_repo_v1_UsersAmongRequest, _gochat_repo_v1_UsersAmongResponse, _gochat_repo_v1_UsersAmongRequest__Output, _gochat_repo_v1_UsersAmongResponse__Output>
  Block: MethodDefinition<_gochat_repo_v1_BlockRequest, _gochat_repo_v1_Changed, _gochat_repo_v1_BlockRequest__Output, _gochat_repo_v1_Changed__Output>
  BlockedAmong: MethodDefinition<_gochat_repo_v1_UsersAmongRequest, _gochat_repo_v1_UsersAmongResponse, _gochat_repo_v1_UsersAmongRequest__Output, _gochat_repo_v1_UsersAmongResponse__Output>
  CheckRevoked: MethodDefinition<_gochat_repo_v1_CheckRevokedRequest, _gochat_repo_v1_CheckRevokedResponse, _gochat_repo_v1_CheckRevokedRequest__Output, _gochat_repo_v1_CheckRevokedResponse__Output>
  CompleteAttachment: MethodDefinition<_gochat_repo_v1_CompleteAttachmentRequest, _gochat_repo_v1_Attachment, _gochat_repo_v1_CompleteAttachmentRequest__Output, _gochat_repo_v1_Attachment__Output>
  ContactsAmong: MethodDefinition<_gochat_repo_v1_ContactsAmongRequest, _gochat_repo_v1_ContactsAmongResponse, _gochat_repo_v1_ContactsAmongRequest__Output, _gochat_repo_v1_ContactsAmongResponse__Output>
  CreateAttachment: MethodDefinition<_gochat_repo_v1_CreateAttachmentRequest, _gochat_repo_v1_Attachment, _gochat_repo_v1_CreateAttachmentRequest__Output, _gochat_repo_v1_Attachment__Output>
  CreateFriendRequest: MethodDefinition<_gochat_repo_v1_FriendRequest, _gochat_repo_v1_Empty, _gochat_repo_v1_FriendRequest__Output, _gochat_repo_v1_Empty__Output>
  CreateGroup: MethodDefinition<_gochat_repo_v1_CreateGroupRequest, _gochat_repo_v1_Conversation, _gochat_repo_v1_CreateGroupRequest__Output, _gochat_repo_v1_Conversation__Output>
  CreateUser: MethodDefinition<_gochat_repo_v1_CreateUserRequest, _gochat_repo_v1_User, _gochat_repo_v1_CreateUserRequest__Output, _gochat_repo_v1_User__Output>
  CreateUsers: MethodDefinition<_gochat_repo_v1_CreateUsersRequest, _gochat_repo_v1_CreateUsersResponse, _gochat_repo_v1_CreateUsersRequest__Output, _gochat_repo_v1_CreateUsersResponse__Output>
  DeclineInvitation: MethodDefinition<_gochat_repo_v1_InvitationRef, _gochat_repo_v1_Empty, _gochat_repo_v1_InvitationRef__Output, _gochat_repo_v1_Empty__Output>
  DeleteAttachment: MethodDefinition<_gochat_repo_v1_AttachmentRef, _gochat_repo_v1_Empty, _gochat_repo_v1_AttachmentRef__Output, _gochat_repo_v1_Empty__Output>
  EnsureDirectConversation: MethodDefinition<_gochat_repo_v1_EnsureDirectConversationRequest, _gochat_repo_v1_EnsureDirectConversationResponse, _gochat_repo_v1_EnsureDirectConversationRequest__Output, _gochat_repo_v1_EnsureDirectConversationResponse__Output>
  ExpireMessages: MethodDefinition<_gochat_repo_v1_ExpireMessagesRequest, _gochat_repo_v1_ExpireMessagesResponse, _gochat_repo_v1_ExpireMessagesRequest__Output, _gochat_repo_v1_ExpireMessagesResponse__Output>
  FindUsers: MethodDefinition<_gochat_repo_v1_FindUsersRequest, _gochat_repo_v1_FindUsersResponse, _gochat_repo_v1_FindUsersRequest__Output, _gochat_repo_v1_FindUsersResponse__Output>
  GetAttachment: MethodDefinition<_gochat_repo_v1_AttachmentRef, _gochat_repo_v1_Attachment, _gochat_repo_v1_AttachmentRef__Output, _gochat_repo_v1_Attachment__Output>
  GetConversation: MethodDefinition<_gochat_repo_v1_GetConversationRequest, _gochat_repo_v1_Conversation, _gochat_repo_v1_GetConversationRequest__Output, _gochat_repo_v1_Conversation__Output>
  GetInvitation: MethodDefinition<_gochat_repo_v1_InvitationRef, _gochat_repo_v1_Invitation, _gochat_repo_v1_InvitationRef__Output, _gochat_repo_v1_Invitation__Output>
  GetMember: MethodDefinition<_gochat_repo_v1_GetMemberRequest, _gochat_repo_v1_Member, _gochat_repo_v1_GetMemberRequest__Output, _gochat_repo_v1_Member__Output>
  GetMessage: MethodDefinition<_gochat_repo_v1_GetMessageRequest, _gochat_repo_v1_Message, _gochat_repo_v1_GetMessageRequest__Output, _gochat_repo_v1_Message__Output>
  GetRetention: MethodDefinition<_gochat_repo_v1_GetConversationRequest, _gochat_repo_v1_RetentionSettings, _gochat_repo_v1_GetConversationRequest__Output, _gochat_repo_v1_RetentionSettings__Output>
  GetUser: MethodDefinition<_gochat_repo_v1_GetUserRequest, _gochat_repo_v1_User, _gochat_repo_v1_GetUserRequest__Output, _gochat_repo_v1_User__Output>
  GetUsers: MethodDefinition<_gochat_repo_v1_FindUsersRequest, _gochat_repo_v1_UsersResponse, _gochat_repo_v1_FindUsersRequest__Output, _gochat_repo_v1_UsersResponse__Output>
  InsertMessages: MethodDefinition<_gochat_repo_v1_InsertMessagesRequest, _gochat_repo_v1_InsertMessagesResponse, _gochat_repo_v1_InsertMessagesRequest__Output, _gochat_repo_v1_InsertMessagesResponse__Output>
  InviteMembers: MethodDefinition<_gochat_repo_v1_InviteMembersRequest, _gochat_repo_v1_InviteMembersResponse, _gochat_repo_v1_InviteMembersRequest__Output, _gochat_repo_v1_InviteMembersResponse__Output>
  ListBans: MethodDefinition<_gochat_repo_v1_ListBansRequest, _gochat_repo_v1_ListBansResponse, _gochat_repo_v1_ListBansRequest__Output, _gochat_repo_v1_ListBansResponse__Output>
  ListBlocks: MethodDefinition<_gochat_repo_v1_ListBlocksRequest, _gochat_repo_v1_ListBlocksResponse, _gochat_repo_v1_ListBlocksRequest__Output, _gochat_repo_v1_ListBlocksResponse__Output>
  ListDirectPeers: MethodDefinition<_gochat_repo_v1_ListDirectPeersRequest, _gochat_repo_v1_ListDirectPeersResponse, _gochat_repo_v1_ListDirectPeersRequest__Output, _gochat_repo_v1_ListDirectPeersResponse__Output>
  ListDirectPeersMany: MethodDefinition<_gochat_repo_v1_ListDirectPeersManyRequest, _gochat_repo_v1_ListDirectPeersManyResponse, _gochat_repo_v1_ListDirectPeersManyRequest__Output, _gochat_repo_v1_ListDirectPeersManyResponse__Output>
  ListInvitations: MethodDefinition<_gochat_repo_v1_ListInvitationsRequest, _gochat_repo_v1_ListInvitationsResponse, _gochat_repo_v1_ListInvitationsRequest__Output, _gochat_repo_v1_ListInvitationsResponse__Output>
  ListMembers: MethodDefinition<_gochat_repo_v1_ListMembersRequest, _gochat_repo_v1_ListMembersResponse, _gochat_repo_v1_ListMembersRequest__Output, _gochat_repo_v1_ListMembersResponse__Output>
  ListPins: MethodDefinition<_gochat_repo_v1_GetConversationRequest, _gochat_repo_v1_SyncMessagesResponse, _gochat_repo_v1_GetConversationRequest__Output, _gochat_repo_v1_SyncMessagesResponse__Output>
  ListUserConversations: MethodDefinition<_gochat_repo_v1_ListUserConversationsRequest, _gochat_repo_v1_ListUserConversationsResponse, _gochat_repo_v1_ListUserConversationsRequest__Output, _gochat_repo_v1_ListUserConversationsResponse__Output>
  LocateMembers: MethodDefinition<_gochat_repo_v1_LocateMembersRequest, _gochat_repo_v1_LocateMembersResponse, _gochat_repo_v1_LocateMembersRequest__Output, _gochat_repo_v1_LocateMembersResponse__Output>
  LookupPresence: MethodDefinition<_gochat_repo_v1_LookupPresenceRequest, _gochat_repo_v1_LookupPresenceResponse, _gochat_repo_v1_LookupPresenceRequest__Output, _gochat_repo_v1_LookupPresenceResponse__Output>
  MutedAmong: MethodDefinition<_gochat_repo_v1_UsersAmongRequest, _gochat_repo_v1_UsersAmongResponse, _gochat_repo_v1_UsersAmongRequest__Output, _gochat_repo_v1_UsersAmongResponse__Output>
  MutedConversations: MethodDefinition<_gochat_repo_v1_ListBlocksRequest, _gochat_repo_v1_MutedConversationsResponse, _gochat_repo_v1_ListBlocksRequest__Output, _gochat_repo_v1_MutedConversationsResponse__Output>
  PublishEvents: MethodDefinition<_gochat_repo_v1_PublishEventsRequest, _gochat_repo_v1_Empty, _gochat_repo_v1_PublishEventsRequest__Output, _gochat_repo_v1_Empty__Output>
  ReleaseAttachment: MethodDefinition<_gochat_repo_v1_AttachmentRef, _gochat_repo_v1_ReleaseAttachmentResponse, _gochat_repo_v1_AttachmentRef__Output, _gochat_repo_v1_ReleaseAttachmentResponse__Output>
  RemoveMember: MethodDefinition<_gochat_repo_v1_RemoveMemberRequest, _gochat_repo_v1_Empty, _gochat_repo_v1_RemoveMemberRequest__Output, _gochat_repo_v1_Empty__Output>
  RevokeToken: MethodDefinition<_gochat_repo_v1_RevokeTokenRequest, _gochat_repo_v1_Empty, _gochat_repo_v1_RevokeTokenRequest__Output, _gochat_repo_v1_Empty__Output>
  SearchMessages: MethodDefinition<_gochat_repo_v1_SearchMessagesRequest, _gochat_repo_v1_SyncMessagesResponse, _gochat_repo_v1_SearchMessagesRequest__Output, _gochat_repo_v1_SyncMessagesResponse__Output>
  SearchUsers: MethodDefinition<_gochat_repo_v1_SearchUsersRequest, _gochat_repo_v1_UsersResponse, _gochat_repo_v1_SearchUsersRequest__Output, _gochat_repo_v1_UsersResponse__Output>
  SetAnnouncement: MethodDefinition<_gochat_repo_v1_SetAnnouncementRequest, _gochat_repo_v1_Conversation, _gochat_repo_v1_SetAnnouncementRequest__Output, _gochat_repo_v1_Conversation__Output>
  SetBan: MethodDefinition<_gochat_repo_v1_BanRequest, _gochat_repo_v1_Changed, _gochat_repo_v1_BanRequest__Output, _gochat_repo_v1_Changed__Output>
  SetConversationMuted: MethodDefinition<_gochat_repo_v1_ConversationMuteRequest, _gochat_repo_v1_Changed, _gochat_repo_v1_ConversationMuteRequest__Output, _gochat_repo_v1_Changed__Output>
  SetMemberMute: MethodDefinition<_gochat_repo_v1_MemberMuteRequest, _gochat_repo_v1_Changed, _gochat_repo_v1_MemberMuteRequest__Output, _gochat_repo_v1_Changed__Output>
  SetReadSeq: MethodDefinition<_gochat_repo_v1_SetReadSeqRequest, _gochat_repo_v1_SetReadSeqResponse, _gochat_repo_v1_SetReadSeqRequest__Output, _gochat_repo_v1_SetReadSeqResponse__Output>
  SetRetention: MethodDefinition<_gochat_repo_v1_SetRetentionRequest, _gochat_repo_v1_RetentionSettings, _gochat_repo_v1_SetRetentionRequest__Output, _gochat_repo_v1_RetentionSettings__Output>
  StoreMessage: MethodDefinition<_gochat_repo_v1_StoreMessageRequest, _gochat_repo_v1_StoreMessageResponse, _gochat_repo_v1_StoreMessageRequest__Output, _gochat_repo_v1_StoreMessageResponse__Output>
  StoreMessages: MethodDefinition<_gochat_repo_v1_StoreMessagesRequest, _gochat_repo_v1_StoreMessagesResponse, _gochat_repo_v1_StoreMessagesRequest__Output, _gochat_repo_v1_StoreMessagesResponse__Output>
  SyncMessages: MethodDefinition<_gochat_repo_v1_SyncMessagesRequest, _gochat_repo_v1_SyncMessagesResponse, _gochat_repo_v1_SyncMessagesRequest__Output, _gochat_repo_v1_SyncMessagesResponse__Output>
  Unblock: MethodDefinition<_gochat_repo_v1_BlockRequest, _gochat_repo_v1_Changed, _gochat_repo_v1_BlockRequest__Output, _gochat_repo_v1_Changed__Output>
  UpdateMessageStatus: MethodDefinition<_gochat_repo_v1_UpdateMessageStatusRequest, _gochat_repo_v1_Message, _gochat_repo_v1_UpdateMessageStatusRequest__Output, _gochat_repo_v1_Message__Output>
  UpdateUser: MethodDefinition<_gochat_repo_v1_UpdateUserRequest, _gochat_repo_v1_User, _gochat_repo_v1_UpdateUserRequest__Output, _gochat_repo_v1_User__Output>
}
