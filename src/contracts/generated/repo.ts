import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AddMembersRequest as _gochat_repo_v1_AddMembersRequest, AddMembersRequest__Output as _gochat_repo_v1_AddMembersRequest__Output } from './gochat/repo/v1/AddMembersRequest.js';
import type { AddMembersResponse as _gochat_repo_v1_AddMembersResponse, AddMembersResponse__Output as _gochat_repo_v1_AddMembersResponse__Output } from './gochat/repo/v1/AddMembersResponse.js';
import type { AllocateSeqRequest as _gochat_repo_v1_AllocateSeqRequest, AllocateSeqRequest__Output as _gochat_repo_v1_AllocateSeqRequest__Output } from './gochat/repo/v1/AllocateSeqRequest.js';
import type { AllocateSeqResponse as _gochat_repo_v1_AllocateSeqResponse, AllocateSeqResponse__Output as _gochat_repo_v1_AllocateSeqResponse__Output } from './gochat/repo/v1/AllocateSeqResponse.js';
import type { Attachment as _gochat_repo_v1_Attachment, Attachment__Output as _gochat_repo_v1_Attachment__Output } from './gochat/repo/v1/Attachment.js';
import type { AttachmentAccessRequest as _gochat_repo_v1_AttachmentAccessRequest, AttachmentAccessRequest__Output as _gochat_repo_v1_AttachmentAccessRequest__Output } from './gochat/repo/v1/AttachmentAccessRequest.js';
import type { AttachmentAccessResponse as _gochat_repo_v1_AttachmentAccessResponse, AttachmentAccessResponse__Output as _gochat_repo_v1_AttachmentAccessResponse__Output } from './gochat/repo/v1/AttachmentAccessResponse.js';
import type { AttachmentRef as _gochat_repo_v1_AttachmentRef, AttachmentRef__Output as _gochat_repo_v1_AttachmentRef__Output } from './gochat/repo/v1/AttachmentRef.js';
import type { BanEntry as _gochat_repo_v1_BanEntry, BanEntry__Output as _gochat_repo_v1_BanEntry__Output } from './gochat/repo/v1/BanEntry.js';
import type { BanRequest as _gochat_repo_v1_BanRequest, BanRequest__Output as _gochat_repo_v1_BanRequest__Output } from './gochat/repo/v1/BanRequest.js';
import type { BlockEntry as _gochat_repo_v1_BlockEntry, BlockEntry__Output as _gochat_repo_v1_BlockEntry__Output } from './gochat/repo/v1/BlockEntry.js';
import type { BlockRequest as _gochat_repo_v1_BlockRequest, BlockRequest__Output as _gochat_repo_v1_BlockRequest__Output } from './gochat/repo/v1/BlockRequest.js';
import type { CallError as _gochat_repo_v1_CallError, CallError__Output as _gochat_repo_v1_CallError__Output } from './gochat/repo/v1/CallError.js';
import type { Changed as _gochat_repo_v1_Changed, Changed__Output as _gochat_repo_v1_Changed__Output } from './gochat/repo/v1/Changed.js';
import type { CheckRevokedRequest as _gochat_repo_v1_CheckRevokedRequest, CheckRevokedRequest__Output as _gochat_repo_v1_CheckRevokedRequest__Output } from './gochat/repo/v1/CheckRevokedRequest.js';
import type { CheckRevokedResponse as _gochat_repo_v1_CheckRevokedResponse, CheckRevokedResponse__Output as _gochat_repo_v1_CheckRevokedResponse__Output } from './gochat/repo/v1/CheckRevokedResponse.js';
import type { CompleteAttachmentRequest as _gochat_repo_v1_CompleteAttachmentRequest, CompleteAttachmentRequest__Output as _gochat_repo_v1_CompleteAttachmentRequest__Output } from './gochat/repo/v1/CompleteAttachmentRequest.js';
import type { ContactsAmongRequest as _gochat_repo_v1_ContactsAmongRequest, ContactsAmongRequest__Output as _gochat_repo_v1_ContactsAmongRequest__Output } from './gochat/repo/v1/ContactsAmongRequest.js';
import type { ContactsAmongResponse as _gochat_repo_v1_ContactsAmongResponse, ContactsAmongResponse__Output as _gochat_repo_v1_ContactsAmongResponse__Output } from './gochat/repo/v1/ContactsAmongResponse.js';
import type { Conversation as _gochat_repo_v1_Conversation, Conversation__Output as _gochat_repo_v1_Conversation__Output } from './gochat/repo/v1/Conversation.js';
import type { ConversationMuteRequest as _gochat_repo_v1_ConversationMuteRequest, ConversationMuteRequest__Output as _gochat_repo_v1_ConversationMuteRequest__Output } from './gochat/repo/v1/ConversationMuteRequest.js';
import type { ConversationView as _gochat_repo_v1_ConversationView, ConversationView__Output as _gochat_repo_v1_ConversationView__Output } from './gochat/repo/v1/ConversationView.js';
import type { CreateAttachmentRequest as _gochat_repo_v1_CreateAttachmentRequest, CreateAttachmentRequest__Output as _gochat_repo_v1_CreateAttachmentRequest__Output } from './gochat/repo/v1/CreateAttachmentRequest.js';
import type { CreateGroupRequest as _gochat_repo_v1_CreateGroupRequest, CreateGroupRequest__Output as _gochat_repo_v1_CreateGroupRequest__Output } from './gochat/repo/v1/CreateGroupRequest.js';
import type { CreateUserRequest as _gochat_repo_v1_CreateUserRequest, CreateUserRequest__Output as _gochat_repo_v1_CreateUserRequest__Output } from './gochat/repo/v1/CreateUserRequest.js';
import type { CreateUsersRequest as _gochat_repo_v1_CreateUsersRequest, CreateUsersRequest__Output as _gochat_repo_v1_CreateUsersRequest__Output } from './gochat/repo/v1/CreateUsersRequest.js';
import type { CreateUsersResponse as _gochat_repo_v1_CreateUsersResponse, CreateUsersResponse__Output as _gochat_repo_v1_CreateUsersResponse__Output } from './gochat/repo/v1/CreateUsersResponse.js';
import type { Empty as _gochat_repo_v1_Empty, Empty__Output as _gochat_repo_v1_Empty__Output } from './gochat/repo/v1/Empty.js';
import type { EnsureDirectConversationRequest as _gochat_repo_v1_EnsureDirectConversationRequest, EnsureDirectConversationRequest__Output as _gochat_repo_v1_EnsureDirectConversationRequest__Output } from './gochat/repo/v1/EnsureDirectConversationRequest.js';
import type { EnsureDirectConversationResponse as _gochat_repo_v1_EnsureDirectConversationResponse, EnsureDirectConversationResponse__Output as _gochat_repo_v1_EnsureDirectConversationResponse__Output } from './gochat/repo/v1/EnsureDirectConversationResponse.js';
import type { ExpireMessagesRequest as _gochat_repo_v1_ExpireMessagesRequest, ExpireMessagesRequest__Output as _gochat_repo_v1_ExpireMessagesRequest__Output } from './gochat/repo/v1/ExpireMessagesRequest.js';
import type { ExpireMessagesResponse as _gochat_repo_v1_ExpireMessagesResponse, ExpireMessagesResponse__Output as _gochat_repo_v1_ExpireMessagesResponse__Output } from './gochat/repo/v1/ExpireMessagesResponse.js';
import type { ExpiredRecord as _gochat_repo_v1_ExpiredRecord, ExpiredRecord__Output as _gochat_repo_v1_ExpiredRecord__Output } from './gochat/repo/v1/ExpiredRecord.js';
import type { FindUsersRequest as _gochat_repo_v1_FindUsersRequest, FindUsersRequest__Output as _gochat_repo_v1_FindUsersRequest__Output } from './gochat/repo/v1/FindUsersRequest.js';
import type { FindUsersResponse as _gochat_repo_v1_FindUsersResponse, FindUsersResponse__Output as _gochat_repo_v1_FindUsersResponse__Output } from './gochat/repo/v1/FindUsersResponse.js';
import type { FriendRequest as _gochat_repo_v1_FriendRequest, FriendRequest__Output as _gochat_repo_v1_FriendRequest__Output } from './gochat/repo/v1/FriendRequest.js';
import type { GatewayUsers as _gochat_repo_v1_GatewayUsers, GatewayUsers__Output as _gochat_repo_v1_GatewayUsers__Output } from './gochat/repo/v1/GatewayUsers.js';
import type { GetConversationRequest as _gochat_repo_v1_GetConversationRequest, GetConversationRequest__Output as _gochat_repo_v1_GetConversationRequest__Output } from './gochat/repo/v1/GetConversationRequest.js';
import type { GetMemberRequest as _gochat_repo_v1_GetMemberRequest, GetMemberRequest__Output as _gochat_repo_v1_GetMemberRequest__Output } from './gochat/repo/v1/GetMemberRequest.js';
import type { GetMessageRequest as _gochat_repo_v1_GetMessageRequest, GetMessageRequest__Output as _gochat_repo_v1_GetMessageRequest__Output } from './gochat/repo/v1/GetMessageRequest.js';
import type { GetUserRequest as _gochat_repo_v1_GetUserRequest, GetUserRequest__Output as _gochat_repo_v1_GetUserRequest__Output } from './gochat/repo/v1/GetUserRequest.js';
import type { InsertMessagesRequest as _gochat_repo_v1_InsertMessagesRequest, InsertMessagesRequest__Output as _gochat_repo_v1_InsertMessagesRequest__Output } from './gochat/repo/v1/InsertMessagesRequest.js';
import type { InsertMessagesResponse as _gochat_repo_v1_InsertMessagesResponse, InsertMessagesResponse__Output as _gochat_repo_v1_InsertMessagesResponse__Output } from './gochat/repo/v1/InsertMessagesResponse.js';
import type { Invitation as _gochat_repo_v1_Invitation, Invitation__Output as _gochat_repo_v1_Invitation__Output } from './gochat/repo/v1/Invitation.js';
import type { InvitationRef as _gochat_repo_v1_InvitationRef, InvitationRef__Output as _gochat_repo_v1_InvitationRef__Output } from './gochat/repo/v1/InvitationRef.js';
import type { InviteMembersRequest as _gochat_repo_v1_InviteMembersRequest, InviteMembersRequest__Output as _gochat_repo_v1_InviteMembersRequest__Output } from './gochat/repo/v1/InviteMembersRequest.js';
import type { InviteMembersResponse as _gochat_repo_v1_InviteMembersResponse, InviteMembersResponse__Output as _gochat_repo_v1_InviteMembersResponse__Output } from './gochat/repo/v1/InviteMembersResponse.js';
import type { ListBansRequest as _gochat_repo_v1_ListBansRequest, ListBansRequest__Output as _gochat_repo_v1_ListBansRequest__Output } from './gochat/repo/v1/ListBansRequest.js';
import type { ListBansResponse as _gochat_repo_v1_ListBansResponse, ListBansResponse__Output as _gochat_repo_v1_ListBansResponse__Output } from './gochat/repo/v1/ListBansResponse.js';
import type { ListBlocksRequest as _gochat_repo_v1_ListBlocksRequest, ListBlocksRequest__Output as _gochat_repo_v1_ListBlocksRequest__Output } from './gochat/repo/v1/ListBlocksRequest.js';
import type { ListBlocksResponse as _gochat_repo_v1_ListBlocksResponse, ListBlocksResponse__Output as _gochat_repo_v1_ListBlocksResponse__Output } from './gochat/repo/v1/ListBlocksResponse.js';
import type { ListDirectPeersManyRequest as _gochat_repo_v1_ListDirectPeersManyRequest, ListDirectPeersManyRequest__Output as _gochat_repo_v1_ListDirectPeersManyRequest__Output } from './gochat/repo/v1/ListDirectPeersManyRequest.js';
import type { ListDirectPeersManyResponse as _gochat_repo_v1_ListDirectPeersManyResponse, ListDirectPeersManyResponse__Output as _gochat_repo_v1_ListDirectPeersManyResponse__Output } from './gochat/repo/v1/ListDirectPeersManyResponse.js';
import type { ListDirectPeersRequest as _gochat_repo_v1_ListDirectPeersRequest, ListDirectPeersRequest__Output as _gochat_repo_v1_ListDirectPeersRequest__Output } from './gochat/repo/v1/ListDirectPeersRequest.js';
import type { ListDirectPeersResponse as _gochat_repo_v1_ListDirectPeersResponse, ListDirectPeersResponse__Output as _gochat_repo_v1_ListDirectPeersResponse__Output } from './gochat/repo/v1/ListDirectPeersResponse.js';
import type { ListDirectPeersResult as _gochat_repo_v1_ListDirectPeersResult, ListDirectPeersResult__Output as _gochat_repo_v1_ListDirectPeersResult__Output } from './gochat/repo/v1/ListDirectPeersResult.js';
import type { ListInvitationsRequest as _gochat_repo_v1_ListInvitationsRequest, ListInvitationsRequest__Output as _gochat_repo_v1_ListInvitationsRequest__Output } from './gochat/repo/v1/ListInvitationsRequest.js';
import type { ListInvitationsResponse as _gochat_repo_v1_ListInvitationsResponse, ListInvitationsResponse__Output as _gochat_repo_v1_ListInvitationsResponse__Output } from './gochat/repo/v1/ListInvitationsResponse.js';
import type { ListMembersRequest as _gochat_repo_v1_ListMembersRequest, ListMembersRequest__Output as _gochat_repo_v1_ListMembersRequest__Output } from './gochat/repo/v1/ListMembersRequest.js';
import type { ListMembersResponse as _gochat_repo_v1_ListMembersResponse, ListMembersResponse__Output as _gochat_repo_v1_ListMembersResponse__Output } from './gochat/repo/v1/ListMembersResponse.js';
import type { ListUserConversationsRequest as _gochat_repo_v1_ListUserConversationsRequest, ListUserConversationsRequest__Output as _gochat_repo_v1_ListUserConversationsRequest__Output } from './gochat/repo/v1/ListUserConversationsRequest.js';
import type { ListUserConversationsResponse as _gochat_repo_v1_ListUserConversationsResponse, ListUserConversationsResponse__Output as _gochat_repo_v1_ListUserConversationsResponse__Output } from './gochat/repo/v1/ListUserConversationsResponse.js';
import type { LocateMembersRequest as _gochat_repo_v1_LocateMembersRequest, LocateMembersRequest__Output as _gochat_repo_v1_LocateMembersRequest__Output } from './gochat/repo/v1/LocateMembersRequest.js';
import type { LocateMembersResponse as _gochat_repo_v1_LocateMembersResponse, LocateMembersResponse__Output as _gochat_repo_v1_LocateMembersResponse__Output } from './gochat/repo/v1/LocateMembersResponse.js';
import type { LookupPresenceRequest as _gochat_repo_v1_LookupPresenceRequest, LookupPresenceRequest__Output as _gochat_repo_v1_LookupPresenceRequest__Output } from './gochat/repo/v1/LookupPresenceRequest.js';
import type { LookupPresenceResponse as _gochat_repo_v1_LookupPresenceResponse, LookupPresenceResponse__Output as _gochat_repo_v1_LookupPresenceResponse__Output } from './gochat/repo/v1/LookupPresenceResponse.js';
import type { Member as _gochat_repo_v1_Member, Member__Output as _gochat_repo_v1_Member__Output } from './gochat/repo/v1/Member.js';
import type { MemberMuteRequest as _gochat_repo_v1_MemberMuteRequest, MemberMuteRequest__Output as _gochat_repo_v1_MemberMuteRequest__Output } from './gochat/repo/v1/MemberMuteRequest.js';
import type { Message as _gochat_repo_v1_Message, Message__Output as _gochat_repo_v1_Message__Output } from './gochat/repo/v1/Message.js';
import type { MessageAttachment as _gochat_repo_v1_MessageAttachment, MessageAttachment__Output as _gochat_repo_v1_MessageAttachment__Output } from './gochat/repo/v1/MessageAttachment.js';
import type { MutedConversationsResponse as _gochat_repo_v1_MutedConversationsResponse, MutedConversationsResponse__Output as _gochat_repo_v1_MutedConversationsResponse__Output } from './gochat/repo/v1/MutedConversationsResponse.js';
import type { OutboxEvent as _gochat_repo_v1_OutboxEvent, OutboxEvent__Output as _gochat_repo_v1_OutboxEvent__Output } from './gochat/repo/v1/OutboxEvent.js';
import type { PublishEventsRequest as _gochat_repo_v1_PublishEventsRequest, PublishEventsRequest__Output as _gochat_repo_v1_PublishEventsRequest__Output } from './gochat/repo/v1/PublishEventsRequest.js';
import type { Reaction as _gochat_repo_v1_Reaction, Reaction__Output as _gochat_repo_v1_Reaction__Output } from './gochat/repo/v1/Reaction.js';
import type { ReleaseAttachmentResponse as _gochat_repo_v1_ReleaseAttachmentResponse, ReleaseAttachmentResponse__Output as _gochat_repo_v1_ReleaseAttachmentResponse__Output } from './gochat/repo/v1/ReleaseAttachmentResponse.js';
import type { RemoveMemberRequest as _gochat_repo_v1_RemoveMemberRequest, RemoveMemberRequest__Output as _gochat_repo_v1_RemoveMemberRequest__Output } from './gochat/repo/v1/RemoveMemberRequest.js';
import type { ReplyPreview as _gochat_repo_v1_ReplyPreview, ReplyPreview__Output as _gochat_repo_v1_ReplyPreview__Output } from './gochat/repo/v1/ReplyPreview.js';
import type { RepoServiceClient as _gochat_repo_v1_RepoServiceClient, RepoServiceDefinition as _gochat_repo_v1_RepoServiceDefinition } from './gochat/repo/v1/RepoService.js';
import type { RetentionSettings as _gochat_repo_v1_RetentionSettings, RetentionSettings__Output as _gochat_repo_v1_RetentionSettings__Output } from './gochat/repo/v1/RetentionSettings.js';
import type { RevokeTokenRequest as _gochat_repo_v1_RevokeTokenRequest, RevokeTokenRequest__Output as _gochat_repo_v1_RevokeTokenRequest__Output } from './gochat/repo/v1/RevokeTokenRequest.js';
import type { SearchMessagesRequest as _gochat_repo_v1_SearchMessagesRequest, SearchMessagesRequest__Output as _gochat_repo_v1_SearchMessagesRequest__Output } from './gochat/repo/v1/SearchMessagesRequest.js';
import type { SearchScope as _gochat_repo_v1_SearchScope, SearchScope__Output as _gochat_repo_v1_SearchScope__Output } from './gochat/repo/v1/SearchScope.js';
import type { SearchUsersRequest as _gochat_repo_v1_SearchUsersRequest, SearchUsersRequest__Output as _gochat_repo_v1_SearchUsersRequest__Output } from './gochat/repo/v1/SearchUsersRequest.js';
import type { SetAnnouncementRequest as _gochat_repo_v1_SetAnnouncementRequest, SetAnnouncementRequest__Output as _gochat_repo_v1_SetAnnouncementRequest__Output } from './gochat/repo/v1/SetAnnouncementRequest.js';
import type { SetReadSeqRequest as _gochat_repo_v1_SetReadSeqRequest, SetReadSeqRequest__Output as _gochat_repo_v1_SetReadSeqRequest__Output } from './gochat/repo/v1/SetReadSeqRequest.js';
import type { SetReadSeqResponse as _gochat_repo_v1_SetReadSeqResponse, SetReadSeqResponse__Output as _gochat_repo_v1_SetReadSeqResponse__Output } from './gochat/repo/v1/SetReadSeqResponse.js';
import type { SetRetentionRequest as _gochat_repo_v1_SetRetentionRequest, SetRetentionRequest__Output as _gochat_repo_v1_SetRetentionRequest__Output } from './gochat/repo/v1/SetRetentionRequest.js';
import type { StoreMessageRequest as _gochat_repo_v1_StoreMessageRequest, StoreMessageRequest__Output as _gochat_repo_v1_StoreMessageRequest__Output } from './gochat/repo/v1/StoreMessageRequest.js';
import type { StoreMessageResponse as _gochat_repo_v1_StoreMessageResponse, StoreMessageResponse__Output as _gochat_repo_v1_StoreMessageResponse__Output } from './gochat/repo/v1/StoreMessageResponse.js';
import type { StoreMessageResult as _gochat_repo_v1_StoreMessageResult, StoreMessageResult__Output as _gochat_repo_v1_StoreMessageResult__Output } from './gochat/repo/v1/StoreMessageResult.js';
import type { StoreMessagesRequest as _gochat_repo_v1_StoreMessagesRequest, StoreMessagesRequest__Output as _gochat_repo_v1_StoreMessagesRequest__Output } from './gochat/repo/v1/StoreMessagesRequest.js';
import type { StoreMessagesResponse as _gochat_repo_v1_StoreMessagesResponse, StoreMessagesResponse__Output as _gochat_repo_v1_StoreMessagesResponse__Output } from './gochat/repo/v1/StoreMessagesResponse.js';
import type { SyncMessagesRequest as _gochat_repo_v1_SyncMessagesRequest, SyncMessagesRequest__Output as _gochat_repo_v1_SyncMessagesRequest__Output } from './gochat/repo/v1/SyncMessagesRequest.js';
import type { SyncMessagesResponse as _gochat_repo_v1_SyncMessagesResponse, SyncMessagesResponse__Output as _gochat_repo_v1_SyncMessagesResponse__Output } from './gochat/repo/v1/SyncMessagesResponse.js';
import type { Thumbnail as _gochat_repo_v1_Thumbnail, Thumbnail__Output as _gochat_repo_v1_Thumbnail__Output } from './gochat/repo/v1/Thumbnail.js';
import type { UpdateMessageStatusRequest as _gochat_repo_v1_UpdateMessageStatusRequest, UpdateMessageStatusRequest__Output as _gochat_repo_v1_UpdateMessageStatusRequest__Output } from './gochat/repo/v1/UpdateMessageStatusRequest.js';
import type { UpdateUserRequest as _gochat_repo_v1_UpdateUserRequest, UpdateUserRequest__Output as _gochat_repo_v1_UpdateUserRequest__Output } from './gochat/repo/v1/UpdateUserRequest.js';
import type { User as _gochat_repo_v1_User, User__Output as _gochat_repo_v1_User__Output } from './gochat/repo/v1/User.js';
import type { UserPresence as _gochat_repo_v1_UserPresence, UserPresence__Output as _gochat_repo_v1_UserPresence__Output } from './gochat/repo/v1/UserPresence.js';
import type { UsersAmongRequest as _gochat_repo_v1_UsersAmongRequest, UsersAmongRequest__Output as _gochat_repo_v1_UsersAmongRequest__Output } from './gochat/repo/v1/UsersAmongRequest.js';
import type { UsersAmongResponse as _gochat_repo_v1_UsersAmongResponse, UsersAmongResponse__Output as _gochat_repo_v1_UsersAmongResponse__Output } from './gochat/repo/v1/UsersAmongResponse.js';
import type { UsersResponse as _gochat_repo_v1_UsersResponse, UsersResponse__Output as _gochat_repo_v1_UsersResponse__Output } from './gochat/repo/v1/UsersResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  gochat: {
    repo: {
      v1: {
        AddMembersRequest: MessageTypeDefinition<_gochat_repo_v1_AddMembersRequest, _gochat_repo_v1_AddMembersRequest__Output>
        AddMembersResponse: MessageTypeDefinition<_gochat_repo_v1_AddMembersResponse, _gochat_repo_v1_AddMembersResponse__Output>
        AllocateSeqRequest: MessageTypeDefinition<_gochat_repo_v1_AllocateSeqRequest, _gochat_repo_v1_AllocateSeqRequest__Output>
        AllocateSeqResponse: MessageTypeDefinition<_gochat_repo_v1_AllocateSeqResponse, _gochat_repo_v1_AllocateSeqResponse__Output>
        Attachment: MessageTypeDefinition<_gochat_repo_v1_Attachment, _gochat_repo_v1_Attachment__Output>
        AttachmentAccessRequest: MessageTypeDefinition<_gochat_repo_v1_AttachmentAccessRequest, _gochat_repo_v1_AttachmentAccessRequest__Output>
        AttachmentAccessResponse: MessageTypeDefinition<_gochat_repo_v1_AttachmentAccessResponse, _gochat_repo_v1_AttachmentAccessResponse__Output>
        AttachmentRef: MessageTypeDefinition<_gochat_repo_v1_AttachmentRef, _gochat_repo_v1_AttachmentRef__Output>
        BanEntry: MessageTypeDefinition<_gochat_repo_v1_BanEntry, _gochat_repo_v1_BanEntry__Output>
        BanRequest: MessageTypeDefinition<_gochat_repo_v1_BanRequest, _gochat_repo_v1_BanRequest__Output>
        BlockEntry: MessageTypeDefinition<_gochat_repo_v1_BlockEntry, _gochat_repo_v1_BlockEntry__Output>
        BlockRequest: MessageTypeDefinition<_gochat_repo_v1_BlockRequest, _gochat_repo_v1_BlockRequest__Output>
        CallError: MessageTypeDefinition<_gochat_repo_v1_CallError, _gochat_repo_v1_CallError__Output>
        Changed: MessageTypeDefinition<_gochat_repo_v1_Changed, _gochat_repo_v1_Changed__Output>
        CheckRevokedRequest: MessageTypeDefinition<_gochat_repo_v1_CheckRevokedRequest, _gochat_repo_v1_CheckRevokedRequest__Output>
        CheckRevokedResponse: MessageTypeDefinition<_gochat_repo_v1_CheckRevokedResponse, _gochat_repo_v1_CheckRevokedResponse__Output>
        CompleteAttachmentRequest: MessageTypeDefinition<_gochat_repo_v1_CompleteAttachmentRequest, _gochat_repo_v1_CompleteAttachmentRequest__Output>
        ContactsAmongRequest: MessageTypeDefinition<_gochat_repo_v1_ContactsAmongRequest, _gochat_repo_v1_ContactsAmongRequest__Output>
        ContactsAmongResponse: MessageTypeDefinition<_gochat_repo_v1_ContactsAmongResponse, _gochat_repo_v1_ContactsAmongResponse__Output>
        Conversation: MessageTypeDefinition<_gochat_repo_v1_Conversation, _gochat_repo_v1_Conversation__Output>
        ConversationMuteRequest: MessageTypeDefinition<_gochat_repo_v1_ConversationMuteRequest, _gochat_repo_v1_ConversationMuteRequest__Output>
        ConversationView: MessageTypeDefinition<_gochat_repo_v1_ConversationView, _gochat_repo_v1_ConversationView__Output>
        CreateAttachmentRequest: MessageTypeDefinition<_gochat_repo_v1_CreateAttachmentRequest, _gochat_repo_v1_CreateAttachmentRequest__Output>
        CreateGroupRequest: MessageTypeDefinition<_gochat_repo_v1_CreateGroupRequest, _gochat_repo_v1_CreateGroupRequest__Output>
        CreateUserRequest: MessageTypeDefinition<_gochat_repo_v1_CreateUserRequest, _gochat_repo_v1_CreateUserRequest__Output>
        CreateUsersRequest: MessageTypeDefinition<_gochat_repo_v1_CreateUsersRequest, _gochat_repo_v1_CreateUsersRequest__Output>
        CreateUsersResponse: MessageTypeDefinition<_gochat_repo_v1_CreateUsersResponse, _gochat_repo_v1_CreateUsersResponse__Output>
        Empty: MessageTypeDefinition<_gochat_repo_v1_Empty, _gochat_repo_v1_Empty__Output>
        EnsureDirectConversationRequest: MessageTypeDefinition<_gochat_repo_v1_EnsureDirectConversationRequest, _gochat_repo_v1_EnsureDirectConversationRequest__Output>
        EnsureDirectConversationResponse: MessageTypeDefinition<_gochat_repo_v1_EnsureDirectConversationResponse, _gochat_repo_v1_EnsureDirectConversationResponse__Output>
        ExpireMessagesRequest: MessageTypeDefinition<_gochat_repo_v1_ExpireMessagesRequest, _gochat_repo_v1_ExpireMessagesRequest__Output>
        ExpireMessagesResponse: MessageTypeDefinition<_gochat_repo_v1_ExpireMessagesResponse, _gochat_repo_v1_ExpireMessagesResponse__Output>
        ExpiredRecord: MessageTypeDefinition<_gochat_repo_v1_ExpiredRecord, _gochat_repo_v1_ExpiredRecord__Output>
        FindUsersRequest: MessageTypeDefinition<_gochat_repo_v1_FindUsersRequest, _gochat_repo_v1_FindUsersRequest__Output>
        FindUsersResponse: MessageTypeDefinition<_gochat_repo_v1_FindUsersResponse, _gochat_repo_v1_FindUsersResponse__Output>
        FriendRequest: MessageTypeDefinition<_gochat_repo_v1_FriendRequest, _gochat_repo_v1_FriendRequest__Output>
        GatewayUsers: MessageTypeDefinition<_gochat_repo_v1_GatewayUsers, _gochat_repo_v1_GatewayUsers__Output>
        GetConversationRequest: MessageTypeDefinition<_gochat_repo_v1_GetConversationRequest, _gochat_repo_v1_GetConversationRequest__Output>
        GetMemberRequest: MessageTypeDefinition<_gochat_repo_v1_GetMemberRequest, _gochat_repo_v1_GetMemberRequest__Output>
        GetMessageRequest: MessageTypeDefinition<_gochat_repo_v1_GetMessageRequest, _gochat_repo_v1_GetMessageRequest__Output>
        GetUserRequest: MessageTypeDefinition<_gochat_repo_v1_GetUserRequest, _gochat_repo_v1_GetUserRequest__Output>
        InsertMessagesRequest: MessageTypeDefinition<_gochat_repo_v1_InsertMessagesRequest, _gochat_repo_v1_InsertMessagesRequest__Output>
        InsertMessagesResponse: MessageTypeDefinition<_gochat_repo_v1_InsertMessagesResponse, _gochat_repo_v1_InsertMessagesResponse__Output>
        Invitation: MessageTypeDefinition<_gochat_repo_v1_Invitation, _gochat_repo_v1_Invitation__Output>
        InvitationRef: MessageTypeDefinition<_gochat_repo_v1_InvitationRef, _gochat_repo_v1_InvitationRef__Output>
        InviteMembersRequest: MessageTypeDefinition<_gochat_repo_v1_InviteMembersRequest, _gochat_repo_v1_InviteMembersRequest__Output>
        InviteMembersResponse: MessageTypeDefinition<_gochat_repo_v1_InviteMembersResponse, _gochat_repo_v1_InviteMembersResponse__Output>
        ListBansRequest: MessageTypeDefinition<_gochat_repo_v1_ListBansRequest, _gochat_repo_v1_ListBansRequest__Output>
        ListBansResponse: MessageTypeDefinition<_gochat_repo_v1_ListBansResponse, _gochat_repo_v1_ListBansResponse__Output>
        ListBlocksRequest: MessageTypeDefinition<_gochat_repo_v1_ListBlocksRequest, _gochat_repo_v1_ListBlocksRequest__Output>
        ListBlocksResponse: MessageTypeDefinition<_gochat_repo_v1_ListBlocksResponse, _gochat_repo_v1_ListBlocksResponse__Output>
        ListDirectPeersManyRequest: MessageTypeDefinition<_gochat_repo_v1_ListDirectPeersManyRequest, _gochat_repo_v1_ListDirectPeersManyRequest__Output>
        ListDirectPeersManyResponse: MessageTypeDefinition<_gochat_repo_v1_ListDirectPeersManyResponse, _gochat_repo_v1_ListDirectPeersManyResponse__Output>
        ListDirectPeersRequest: MessageTypeDefinition<_gochat_repo_v1_ListDirectPeersRequest, _gochat_repo_v1_ListDirectPeersRequest__Output>
        ListDirectPeersResponse: MessageTypeDefinition<_gochat_repo_v1_ListDirectPeersResponse, _gochat_repo_v1_ListDirectPeersResponse__Output>
        ListDirectPeersResult: MessageTypeDefinition<_gochat_repo_v1_ListDirectPeersResult, _gochat_repo_v1_ListDirectPeersResult__Output>
        ListInvitationsRequest: MessageTypeDefinition<_gochat_repo_v1_ListInvitationsRequest, _gochat_repo_v1_ListInvitationsRequest__Output>
        ListInvitationsResponse: MessageTypeDefinition<_gochat_repo_v1_ListInvitationsResponse, _gochat_repo_v1_ListInvitationsResponse__Output>
        ListMembersRequest: MessageTypeDefinition<_gochat_repo_v1_ListMembersRequest, _gochat_repo_v1_ListMembersRequest__Output>
        ListMembersResponse: MessageTypeDefinition<_gochat_repo_v1_ListMembersResponse, _gochat_repo_v1_ListMembersResponse__Output>
        ListUserConversationsRequest: MessageTypeDefinition<_gochat_repo_v1_ListUserConversationsRequest, _gochat_repo_v1_ListUserConversationsRequest__Output>
        ListUserConversationsResponse: MessageTypeDefinition<_gochat_repo_v1_ListUserConversationsResponse, _gochat_repo_v1_ListUserConversationsResponse__Output>
        LocateMembersRequest: MessageTypeDefinition<_gochat_repo_v1_LocateMembersRequest, _gochat_repo_v1_LocateMembersRequest__Output>
        LocateMembersResponse: MessageTypeDefinition<_gochat_repo_v1_LocateMembersResponse, _gochat_repo_v1_LocateMembersResponse__Output>
        LookupPresenceRequest: MessageTypeDefinition<_gochat_repo_v1_LookupPresenceRequest, _gochat_repo_v1_LookupPresenceRequest__Output>
        LookupPresenceResponse: MessageTypeDefinition<_gochat_repo_v1_LookupPresenceResponse, _gochat_repo_v1_LookupPresenceResponse__Output>
        Member: MessageTypeDefinition<_gochat_repo_v1_Member, _gochat_repo_v1_Member__Output>
        MemberMuteRequest: MessageTypeDefinition<_gochat_repo_v1_MemberMuteRequest, _gochat_repo_v1_MemberMuteRequest__Output>
        Message: MessageTypeDefinition<_gochat_repo_v1_Message, _gochat_repo_v1_Message__Output>
        MessageAttachment: MessageTypeDefinition<_gochat_repo_v1_MessageAttachment, _gochat_repo_v1_MessageAttachment__Output>
        MutedConversationsResponse: MessageTypeDefinition<_gochat_repo_v1_MutedConversationsResponse, _gochat_repo_v1_MutedConversationsResponse__Output>
        OutboxEvent: MessageTypeDefinition<_gochat_repo_v1_OutboxEvent, _gochat_repo_v1_OutboxEvent__Output>
        PublishEventsRequest: MessageTypeDefinition<_gochat_repo_v1_PublishEventsRequest, _gochat_repo_v1_PublishEventsRequest__Output>
        Reaction: MessageTypeDefinition<_gochat_repo_v1_Reaction, _gochat_repo_v1_Reaction__Output>
        ReleaseAttachmentResponse: MessageTypeDefinition<_gochat_repo_v1_ReleaseAttachmentResponse, _gochat_repo_v1_ReleaseAttachmentResponse__Output>
        RemoveMemberRequest: MessageTypeDefinition<_gochat_repo_v1_RemoveMemberRequest, _gochat_repo_v1_RemoveMemberRequest__Output>
        ReplyPreview: MessageTypeDefinition<_gochat_repo_v1_ReplyPreview, _gochat_repo_v1_ReplyPreview__Output>
        RepoService: SubtypeConstructor<typeof grpc.Client, _gochat_repo_v1_RepoServiceClient> & { service: _gochat_repo_v1_RepoServiceDefinition }
        RetentionSettings: MessageTypeDefinition<_gochat_repo_v1_RetentionSettings, _gochat_repo_v1_RetentionSettings__Output>
        RevokeTokenRequest: MessageTypeDefinition<_gochat_repo_v1_RevokeTokenRequest, _gochat_repo_v1_RevokeTokenRequest__Output>
        SearchMessagesRequest: MessageTypeDefinition<_gochat_repo_v1_SearchMessagesRequest, _gochat_repo_v1_SearchMessagesRequest__Output>
        SearchScope: MessageTypeDefinition<_gochat_repo_v1_SearchScope, _gochat_repo_v1_SearchScope__Output>
        SearchUsersRequest: MessageTypeDefinition<_gochat_repo_v1_SearchUsersRequest, _gochat_repo_v1_SearchUsersRequest__Output>
        SetAnnouncementRequest: MessageTypeDefinition<_gochat_repo_v1_SetAnnouncementRequest, _gochat_repo_v1_SetAnnouncementRequest__Output>
        SetReadSeqRequest: MessageTypeDefinition<_gochat_repo_v1_SetReadSeqRequest, _gochat_repo_v1_SetReadSeqRequest__Output>
        SetReadSeqResponse: MessageTypeDefinition<_gochat_repo_v1_SetReadSeqResponse, _gochat_repo_v1_SetReadSeqResponse__Output>
        SetRetentionRequest: MessageTypeDefinition<_gochat_repo_v1_SetRetentionRequest, _gochat_repo_v1_SetRetentionRequest__Output>
        StoreMessageRequest: MessageTypeDefinition<_gochat_repo_v1_StoreMessageRequest, _gochat_repo_v1_StoreMessageRequest__Output>
        StoreMessageResponse: MessageTypeDefinition<_gochat_repo_v1_StoreMessageResponse, _gochat_repo_v1_StoreMessageResponse__Output>
        StoreMessageResult: MessageTypeDefinition<_gochat_repo_v1_StoreMessageResult, _gochat_repo_v1_StoreMessageResult__Output>
        StoreMessagesRequest: MessageTypeDefinition<_gochat_repo_v1_StoreMessagesRequest, _gochat_repo_v1_StoreMessagesRequest__Output>
        StoreMessagesResponse: MessageTypeDefinition<_gochat_repo_v1_StoreMessagesResponse, _gochat_repo_v1_StoreMessagesResponse__Output>
        SyncMessagesRequest: MessageTypeDefinition<_gochat_repo_v1_SyncMessagesRequest, _gochat_repo_v1_SyncMessagesRequest__Output>
        SyncMessagesResponse: MessageTypeDefinition<_gochat_repo_v1_SyncMessagesResponse, _gochat_repo_v1_SyncMessagesResponse__Output>
        Thumbnail: MessageTypeDefinition<_gochat_repo_v1_Thumbnail, _gochat_repo_v1_Thumbnail__Output>
        UpdateMessageStatusRequest: MessageTypeDefinition<_gochat_repo_v1_UpdateMessageStatusRequest, _gochat_repo_v1_UpdateMessageStatusRequest__Output>
        UpdateUserRequest: MessageTypeDefinition<_gochat_repo_v1_UpdateUserRequest, _gochat_repo_v1_UpdateUserRequest__Output>
        User: MessageTypeDefinition<_gochat_repo_v1_User, _gochat_repo_v1_User__Output>
        UserPresence: MessageTypeDefinition<_gochat_repo_v1_UserPresence, _gochat_repo_v1_UserPresence__Output>
        UsersAmongRequest: MessageTypeDefinition<_gochat_repo_v1_UsersAmongRequest, _gochat_repo_v1_UsersAmongRequest__Output>
        UsersAmongResponse: MessageTypeDefinition<_gochat_repo_v1_UsersAmongResponse, _gochat_repo_v1_UsersAmongResponse__Output>
        UsersResponse: MessageTypeDefinition<_gochat_repo_v1_UsersResponse, _gochat_repo_v1_UsersResponse__Output>
      }
    }
  }
}

