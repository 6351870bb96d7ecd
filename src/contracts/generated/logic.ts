import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AddGroupMembersRequest as _gochat_logic_v1_AddGroupMembersRequest, AddGroupMembersRequest__Output as _gochat_logic_v1_AddGroupMembersRequest__Output } from './gochat/logic/v1/AddGroupMembersRequest.js';
import type { AttachmentInfo as _gochat_logic_v1_AttachmentInfo, AttachmentInfo__Output as _gochat_logic_v1_AttachmentInfo__Output } from './gochat/logic/v1/AttachmentInfo.js';
import type { AttachmentRequest as _gochat_logic_v1_AttachmentRequest, AttachmentRequest__Output as _gochat_logic_v1_AttachmentRequest__Output } from './gochat/logic/v1/AttachmentRequest.js';
import type { AuthResponse as _gochat_logic_v1_AuthResponse, AuthResponse__Output as _gochat_logic_v1_AuthResponse__Output } from './gochat/logic/v1/AuthResponse.js';
import type { BanList as _gochat_logic_v1_BanList, BanList__Output as _gochat_logic_v1_BanList__Output } from './gochat/logic/v1/BanList.js';
import type { BannedUser as _gochat_logic_v1_BannedUser, BannedUser__Output as _gochat_logic_v1_BannedUser__Output } from './gochat/logic/v1/BannedUser.js';
import type { BlockList as _gochat_logic_v1_BlockList, BlockList__Output as _gochat_logic_v1_BlockList__Output } from './gochat/logic/v1/BlockList.js';
import type { BlockedAmongRequest as _gochat_logic_v1_BlockedAmongRequest, BlockedAmongRequest__Output as _gochat_logic_v1_BlockedAmongRequest__Output } from './gochat/logic/v1/BlockedAmongRequest.js';
import type { BlockedAmongResponse as _gochat_logic_v1_BlockedAmongResponse, BlockedAmongResponse__Output as _gochat_logic_v1_BlockedAmongResponse__Output } from './gochat/logic/v1/BlockedAmongResponse.js';
import type { BlockedUser as _gochat_logic_v1_BlockedUser, BlockedUser__Output as _gochat_logic_v1_BlockedUser__Output } from './gochat/logic/v1/BlockedUser.js';
import type { BulkCreateUsersRequest as _gochat_logic_v1_BulkCreateUsersRequest, BulkCreateUsersRequest__Output as _gochat_logic_v1_BulkCreateUsersRequest__Output } from './gochat/logic/v1/BulkCreateUsersRequest.js';
import type { BulkCreateUsersResponse as _gochat_logic_v1_BulkCreateUsersResponse, BulkCreateUsersResponse__Output as _gochat_logic_v1_BulkCreateUsersResponse__Output } from './gochat/logic/v1/BulkCreateUsersResponse.js';
import type { BulkUser as _gochat_logic_v1_BulkUser, BulkUser__Output as _gochat_logic_v1_BulkUser__Output } from './gochat/logic/v1/BulkUser.js';
import type { CheckRevokedRequest as _gochat_logic_v1_CheckRevokedRequest, CheckRevokedRequest__Output as _gochat_logic_v1_CheckRevokedRequest__Output } from './gochat/logic/v1/CheckRevokedRequest.js';
import type { CheckRevokedResponse as _gochat_logic_v1_CheckRevokedResponse, CheckRevokedResponse__Output as _gochat_logic_v1_CheckRevokedResponse__Output } from './gochat/logic/v1/CheckRevokedResponse.js';
import type { ConversationSummary as _gochat_logic_v1_ConversationSummary, ConversationSummary__Output as _gochat_logic_v1_ConversationSummary__Output } from './gochat/logic/v1/ConversationSummary.js';
import type { CreateDirectRequest as _gochat_logic_v1_CreateDirectRequest, CreateDirectRequest__Output as _gochat_logic_v1_CreateDirectRequest__Output } from './gochat/logic/v1/CreateDirectRequest.js';
import type { CreateDirectResponse as _gochat_logic_v1_CreateDirectResponse, CreateDirectResponse__Output as _gochat_logic_v1_CreateDirectResponse__Output } from './gochat/logic/v1/CreateDirectResponse.js';
import type { CreateGroupRequest as _gochat_logic_v1_CreateGroupRequest, CreateGroupRequest__Output as _gochat_logic_v1_CreateGroupRequest__Output } from './gochat/logic/v1/CreateGroupRequest.js';
import type { CreateGroupResponse as _gochat_logic_v1_CreateGroupResponse, CreateGroupResponse__Output as _gochat_logic_v1_CreateGroupResponse__Output } from './gochat/logic/v1/CreateGroupResponse.js';
import type { CreateUploadRequest as _gochat_logic_v1_CreateUploadRequest, CreateUploadRequest__Output as _gochat_logic_v1_CreateUploadRequest__Output } from './gochat/logic/v1/CreateUploadRequest.js';
import type { Empty as _gochat_logic_v1_Empty, Empty__Output as _gochat_logic_v1_Empty__Output } from './gochat/logic/v1/Empty.js';
import type { FriendRequest as _gochat_logic_v1_FriendRequest, FriendRequest__Output as _gochat_logic_v1_FriendRequest__Output } from './gochat/logic/v1/FriendRequest.js';
import type { GetUsersRequest as _gochat_logic_v1_GetUsersRequest, GetUsersRequest__Output as _gochat_logic_v1_GetUsersRequest__Output } from './gochat/logic/v1/GetUsersRequest.js';
import type { GroupAdds as _gochat_logic_v1_GroupAdds, GroupAdds__Output as _gochat_logic_v1_GroupAdds__Output } from './gochat/logic/v1/GroupAdds.js';
import type { GroupInvitation as _gochat_logic_v1_GroupInvitation, GroupInvitation__Output as _gochat_logic_v1_GroupInvitation__Output } from './gochat/logic/v1/GroupInvitation.js';
import type { GroupMember as _gochat_logic_v1_GroupMember, GroupMember__Output as _gochat_logic_v1_GroupMember__Output } from './gochat/logic/v1/GroupMember.js';
import type { GroupRef as _gochat_logic_v1_GroupRef, GroupRef__Output as _gochat_logic_v1_GroupRef__Output } from './gochat/logic/v1/GroupRef.js';
import type { GuestRequest as _gochat_logic_v1_GuestRequest, GuestRequest__Output as _gochat_logic_v1_GuestRequest__Output } from './gochat/logic/v1/GuestRequest.js';
import type { InvitationList as _gochat_logic_v1_InvitationList, InvitationList__Output as _gochat_logic_v1_InvitationList__Output } from './gochat/logic/v1/InvitationList.js';
import type { InvitationRequest as _gochat_logic_v1_InvitationRequest, InvitationRequest__Output as _gochat_logic_v1_InvitationRequest__Output } from './gochat/logic/v1/InvitationRequest.js';
import type { ListConversationsResponse as _gochat_logic_v1_ListConversationsResponse, ListConversationsResponse__Output as _gochat_logic_v1_ListConversationsResponse__Output } from './gochat/logic/v1/ListConversationsResponse.js';
import type { ListGroupMembersRequest as _gochat_logic_v1_ListGroupMembersRequest, ListGroupMembersRequest__Output as _gochat_logic_v1_ListGroupMembersRequest__Output } from './gochat/logic/v1/ListGroupMembersRequest.js';
import type { ListGroupMembersResponse as _gochat_logic_v1_ListGroupMembersResponse, ListGroupMembersResponse__Output as _gochat_logic_v1_ListGroupMembersResponse__Output } from './gochat/logic/v1/ListGroupMembersResponse.js';
import type { LogicServiceClient as _gochat_logic_v1_LogicServiceClient, LogicServiceDefinition as _gochat_logic_v1_LogicServiceDefinition } from './gochat/logic/v1/LogicService.js';
import type { LoginRequest as _gochat_logic_v1_LoginRequest, LoginRequest__Output as _gochat_logic_v1_LoginRequest__Output } from './gochat/logic/v1/LoginRequest.js';
import type { LogoutRequest as _gochat_logic_v1_LogoutRequest, LogoutRequest__Output as _gochat_logic_v1_LogoutRequest__Output } from './gochat/logic/v1/LogoutRequest.js';
import type { Me as _gochat_logic_v1_Me, Me__Output as _gochat_logic_v1_Me__Output } from './gochat/logic/v1/Me.js';
import type { MemberActionRequest as _gochat_logic_v1_MemberActionRequest, MemberActionRequest__Output as _gochat_logic_v1_MemberActionRequest__Output } from './gochat/logic/v1/MemberActionRequest.js';
import type { MemberMuteResponse as _gochat_logic_v1_MemberMuteResponse, MemberMuteResponse__Output as _gochat_logic_v1_MemberMuteResponse__Output } from './gochat/logic/v1/MemberMuteResponse.js';
import type { MuteConversationRequest as _gochat_logic_v1_MuteConversationRequest, MuteConversationRequest__Output as _gochat_logic_v1_MuteConversationRequest__Output } from './gochat/logic/v1/MuteConversationRequest.js';
import type { PeerRef as _gochat_logic_v1_PeerRef, PeerRef__Output as _gochat_logic_v1_PeerRef__Output } from './gochat/logic/v1/PeerRef.js';
import type { PublicUser as _gochat_logic_v1_PublicUser, PublicUser__Output as _gochat_logic_v1_PublicUser__Output } from './gochat/logic/v1/PublicUser.js';
import type { RefreshRequest as _gochat_logic_v1_RefreshRequest, RefreshRequest__Output as _gochat_logic_v1_RefreshRequest__Output } from './gochat/logic/v1/RefreshRequest.js';
import type { RegisterRequest as _gochat_logic_v1_RegisterRequest, RegisterRequest__Output as _gochat_logic_v1_RegisterRequest__Output } from './gochat/logic/v1/RegisterRequest.js';
import type { RemoveGroupMemberRequest as _gochat_logic_v1_RemoveGroupMemberRequest, RemoveGroupMemberRequest__Output as _gochat_logic_v1_RemoveGroupMemberRequest__Output } from './gochat/logic/v1/RemoveGroupMemberRequest.js';
import type { RetentionRequest as _gochat_logic_v1_RetentionRequest, RetentionRequest__Output as _gochat_logic_v1_RetentionRequest__Output } from './gochat/logic/v1/RetentionRequest.js';
import type { RetentionView as _gochat_logic_v1_RetentionView, RetentionView__Output as _gochat_logic_v1_RetentionView__Output } from './gochat/logic/v1/RetentionView.js';
import type { SearchUsersRequest as _gochat_logic_v1_SearchUsersRequest, SearchUsersRequest__Output as _gochat_logic_v1_SearchUsersRequest__Output } from './gochat/logic/v1/SearchUsersRequest.js';
import type { SetAnnouncementRequest as _gochat_logic_v1_SetAnnouncementRequest, SetAnnouncementRequest__Output as _gochat_logic_v1_SetAnnouncementRequest__Output } from './gochat/logic/v1/SetAnnouncementRequest.js';
import type { SignedUrl as _gochat_logic_v1_SignedUrl, SignedUrl__Output as _gochat_logic_v1_SignedUrl__Output } from './gochat/logic/v1/SignedUrl.js';
import type { Thumbnail as _gochat_logic_v1_Thumbnail, Thumbnail__Output as _gochat_logic_v1_Thumbnail__Output } from './gochat/logic/v1/Thumbnail.js';
import type { TypingRequest as _gochat_logic_v1_TypingRequest, TypingRequest__Output as _gochat_logic_v1_TypingRequest__Output } from './gochat/logic/v1/TypingRequest.js';
import type { UpdateMeRequest as _gochat_logic_v1_UpdateMeRequest, UpdateMeRequest__Output as _gochat_logic_v1_UpdateMeRequest__Output } from './gochat/logic/v1/UpdateMeRequest.js';
import type { UploadSlot as _gochat_logic_v1_UploadSlot, UploadSlot__Output as _gochat_logic_v1_UploadSlot__Output } from './gochat/logic/v1/UploadSlot.js';
import type { UserList as _gochat_logic_v1_UserList, UserList__Output as _gochat_logic_v1_UserList__Output } from './gochat/logic/v1/UserList.js';
import type { UserRef as _gochat_logic_v1_UserRef, UserRef__Output as _gochat_logic_v1_UserRef__Output } from './gochat/logic/v1/UserRef.js';
import type { VerifyTokenRequest as _gochat_logic_v1_VerifyTokenRequest, VerifyTokenRequest__Output as _gochat_logic_v1_VerifyTokenRequest__Output } from './gochat/logic/v1/VerifyTokenRequest.js';
import type { VerifyTokenResponse as _gochat_logic_v1_VerifyTokenResponse, VerifyTokenResponse__Output as _gochat_logic_v1_VerifyTokenResponse__Output } from './gochat/logic/v1/VerifyTokenResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  gochat: {
    logic: {
      v1: {
        AddGroupMembersRequest: MessageTypeDefinition<_gochat_logic_v1_AddGroupMembersRequest, _gochat_logic_v1_AddGroupMembersRequest__Output>
        AttachmentInfo: MessageTypeDefinition<_gochat_logic_v1_AttachmentInfo, _gochat_logic_v1_AttachmentInfo__Output>
        AttachmentRequest: MessageTypeDefinition<_gochat_logic_v1_AttachmentRequest, _gochat_logic_v1_AttachmentRequest__Output>
        AuthResponse: MessageTypeDefinition<_gochat_logic_v1_AuthResponse, _gochat_logic_v1_AuthResponse__Output>
        BanList: MessageTypeDefinition<_gochat_logic_v1_BanList, _gochat_logic_v1_BanList__Output>
        BannedUser: MessageTypeDefinition<_gochat_logic_v1_BannedUser, _gochat_logic_v1_BannedUser__Output>
        BlockList: MessageTypeDefinition<_gochat_logic_v1_BlockList, _gochat_logic_v1_BlockList__Output>
        BlockedAmongRequest: MessageTypeDefinition<_gochat_logic_v1_BlockedAmongRequest, _gochat_logic_v1_BlockedAmongRequest__Output>
        BlockedAmongResponse: MessageTypeDefinition<_gochat_logic_v1_BlockedAmongResponse, _gochat_logic_v1_BlockedAmongResponse__Output>
        BlockedUser: MessageTypeDefinition<_gochat_logic_v1_BlockedUser, _gochat_logic_v1_BlockedUser__Output>
        BulkCreateUsersRequest: MessageTypeDefinition<_gochat_logic_v1_BulkCreateUsersRequest, _gochat_logic_v1_BulkCreateUsersRequest__Output>
        BulkCreateUsersResponse: MessageTypeDefinition<_gochat_logic_v1_BulkCreateUsersResponse, _gochat_logic_v1_BulkCreateUsersResponse__Output>
        BulkUser: MessageTypeDefinition<_gochat_logic_v1_BulkUser, _gochat_logic_v1_BulkUser__Output>
        CheckRevokedRequest: MessageTypeDefinition<_gochat_logic_v1_CheckRevokedRequest, _gochat_logic_v1_CheckRevokedRequest__Output>
        CheckRevokedResponse: MessageTypeDefinition<_gochat_logic_v1_CheckRevokedResponse, _gochat_logic_v1_CheckRevokedResponse__Output>
        ConversationSummary: MessageTypeDefinition<_gochat_logic_v1_ConversationSummary, _gochat_logic_v1_ConversationSummary__Output>
        CreateDirectRequest: MessageTypeDefinition<_gochat_logic_v1_CreateDirectRequest, _gochat_logic_v1_CreateDirectRequest__Output>
        CreateDirectResponse: MessageTypeDefinition<_gochat_logic_v1_CreateDirectResponse, _gochat_logic_v1_CreateDirectResponse__Output>
        CreateGroupRequest: MessageTypeDefinition<_gochat_logic_v1_CreateGroupRequest, _gochat_logic_v1_CreateGroupRequest__Output>
        CreateGroupResponse: MessageTypeDefinition<_gochat_logic_v1_CreateGroupResponse, _gochat_logic_v1_CreateGroupResponse__Output>
        CreateUploadRequest: MessageTypeDefinition<_gochat_logic_v1_CreateUploadRequest, _gochat_logic_v1_CreateUploadRequest__Output>
        Empty: MessageTypeDefinition<_gochat_logic_v1_Empty, _gochat_logic_v1_Empty__Output>
        FriendRequest: MessageTypeDefinition<_gochat_logic_v1_FriendRequest, _gochat_logic_v1_FriendRequest__Output>
        GetUsersRequest: MessageTypeDefinition<_gochat_logic_v1_GetUsersRequest, _gochat_logic_v1_GetUsersRequest__Output>
        GroupAdds: MessageTypeDefinition<_gochat_logic_v1_GroupAdds, _gochat_logic_v1_GroupAdds__Output>
        GroupInvitation: MessageTypeDefinition<_gochat_logic_v1_GroupInvitation, _gochat_logic_v1_GroupInvitation__Output>
        GroupMember: MessageTypeDefinition<_gochat_logic_v1_GroupMember, _gochat_logic_v1_GroupMember__Output>
        GroupRef: MessageTypeDefinition<_gochat_logic_v1_GroupRef, _gochat_logic_v1_GroupRef__Output>
        GuestRequest: MessageTypeDefinition<_gochat_logic_v1_GuestRequest, _gochat_logic_v1_GuestRequest__Output>
        InvitationList: MessageTypeDefinition<_gochat_logic_v1_InvitationList, _gochat_logic_v1_InvitationList__Output>
        InvitationRequest: MessageTypeDefinition<_gochat_logic_v1_InvitationRequest, _gochat_logic_v1_InvitationRequest__Output>
        ListConversationsResponse: MessageTypeDefinition<_gochat_logic_v1_ListConversationsResponse, _gochat_logic_v1_ListConversationsResponse__Output>
        ListGroupMembersRequest: MessageTypeDefinition<_gochat_logic_v1_ListGroupMembersRequest, _gochat_logic_v1_ListGroupMembersRequest__Output>
        ListGroupMembersResponse: MessageTypeDefinition<_gochat_logic_v1_ListGroupMembersResponse, _gochat_logic_v1_ListGroupMembersResponse__Output>
        LogicService: SubtypeConstructor<typeof grpc.Client, _gochat_logic_v1_LogicServiceClient> & { service: _gochat_logic_v1_LogicServiceDefinition }
        LoginRequest: MessageTypeDefinition<_gochat_logic_v1_LoginRequest, _gochat_logic_v1_LoginRequest__Output>
        LogoutRequest: MessageTypeDefinition<_gochat_logic_v1_LogoutRequest, _gochat_logic_v1_LogoutRequest__Output>
        Me: MessageTypeDefinition<_gochat_logic_v1_Me, _gochat_logic_v1_Me__Output>
        MemberActionRequest: MessageTypeDefinition<_gochat_logic_v1_MemberActionRequest, _gochat_logic_v1_MemberActionRequest__Output>
        MemberMuteResponse: MessageTypeDefinition<_gochat_logic_v1_MemberMuteResponse, _gochat_logic_v1_MemberMuteResponse__Output>
        MuteConversationRequest: MessageTypeDefinition<_gochat_logic_v1_MuteConversationRequest, _gochat_logic_v1_MuteConversationRequest__Output>
        PeerRef: MessageTypeDefinition<_gochat_logic_v1_PeerRef, _gochat_logic_v1_PeerRef__Output>
        PublicUser: MessageTypeDefinition<_gochat_logic_v1_PublicUser, _gochat_logic_v1_PublicUser__Output>
        RefreshRequest: MessageTypeDefinition<_gochat_logic_v1_RefreshRequest, _gochat_logic_v1_RefreshRequest__Output>
        RegisterRequest: MessageTypeDefinition<_gochat_logic_v1_RegisterRequest, _gochat_logic_v1_RegisterRequest__Output>
        RemoveGroupMemberRequest: MessageTypeDefinition<_gochat_logic_v1_RemoveGroupMemberRequest, _gochat_logic_v1_RemoveGroupMemberRequest__Output>
        RetentionRequest: MessageTypeDefinition<_gochat_logic_v1_RetentionRequest, _gochat_logic_v1_RetentionRequest__Output>
        RetentionView: MessageTypeDefinition<_gochat_logic_v1_RetentionView, _gochat_logic_v1_RetentionView__Output>
        SearchUsersRequest: MessageTypeDefinition<_gochat_logic_v1_SearchUsersRequest, _gochat_logic_v1_SearchUsersRequest__Output>
        SetAnnouncementRequest: MessageTypeDefinition<_gochat_logic_v1_SetAnnouncementRequest, _gochat_logic_v1_SetAnnouncementRequest__Output>
        SignedUrl: MessageTypeDefinition<_gochat_logic_v1_SignedUrl, _gochat_logic_v1_SignedUrl__Output>
        Thumbnail: MessageTypeDefinition<_gochat_logic_v1_Thumbnail, _gochat_logic_v1_Thumbnail__Output>
        TypingRequest: MessageTypeDefinition<_gochat_logic_v1_TypingRequest, _gochat_logic_v1_TypingRequest__Output>
        UpdateMeRequest: MessageTypeDefinition<_gochat_logic_v1_UpdateMeRequest, _gochat_logic_v1_UpdateMeRequest__Output>
        UploadSlot: MessageTypeDefinition<_gochat_logic_v1_UploadSlot, _gochat_logic_v1_UploadSlot__Output>
        UserList: MessageTypeDefinition<_gochat_logic_v1_UserList, _gochat_logic_v1_UserList__Output>
        UserRef: MessageTypeDefinition<_gochat_logic_v1_UserRef, _gochat_logic_v1_UserRef__Output>
        VerifyTokenRequest: MessageTypeDefinition<_gochat_logic_v1_VerifyTokenRequest, _gochat_logic_v1_VerifyTokenRequest__Output>
        VerifyTokenResponse: MessageTypeDefinition<_gochat_logic_v1_VerifyTokenResponse, _gochat_logic_v1_VerifyTokenResponse__Output>
      }
    }
  }
}

