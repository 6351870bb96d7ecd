import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AttachmentThumbnail as _realchat_message_v1_AttachmentThumbnail, AttachmentThumbnail__Output as _realchat_message_v1_AttachmentThumbnail__Output } from './realchat/message/v1/AttachmentThumbnail.js';
import type { CallError as _realchat_message_v1_CallError, CallError__Output as _realchat_message_v1_CallError__Output } from './realchat/message/v1/CallError.js';
import type { DeleteMessageRequest as _realchat_message_v1_DeleteMessageRequest, DeleteMessageRequest__Output as _realchat_message_v1_DeleteMessageRequest__Output } from './realchat/message/v1/DeleteMessageRequest.js';
import type { DeleteMessageResponse as _realchat_message_v1_DeleteMessageResponse, DeleteMessageResponse__Output as _realchat_message_v1_DeleteMessageResponse__Output } from './realchat/message/v1/DeleteMessageResponse.js';
import type { ListPinsRequest as _realchat_message_v1_ListPinsRequest, ListPinsRequest__Output as _realchat_message_v1_ListPinsRequest__Output } from './realchat/message/v1/ListPinsRequest.js';
import type { Message as _realchat_message_v1_Message, Message__Output as _realchat_message_v1_Message__Output } from './realchat/message/v1/Message.js';
import type { MessageApiClient as _realchat_message_v1_MessageApiClient, MessageApiDefinition as _realchat_message_v1_MessageApiDefinition } from './realchat/message/v1/MessageApi.js';
import type { MessageAttachment as _realchat_message_v1_MessageAttachment, MessageAttachment__Output as _realchat_message_v1_MessageAttachment__Output } from './realchat/message/v1/MessageAttachment.js';
import type { Reaction as _realchat_message_v1_Reaction, Reaction__Output as _realchat_message_v1_Reaction__Output } from './realchat/message/v1/Reaction.js';
import type { ReplyPreview as _realchat_message_v1_ReplyPreview, ReplyPreview__Output as _realchat_message_v1_ReplyPreview__Output } from './realchat/message/v1/ReplyPreview.js';
import type { SearchHit as _realchat_message_v1_SearchHit, SearchHit__Output as _realchat_message_v1_SearchHit__Output } from './realchat/message/v1/SearchHit.js';
import type { SearchMessagesRequest as _realchat_message_v1_SearchMessagesRequest, SearchMessagesRequest__Output as _realchat_message_v1_SearchMessagesRequest__Output } from './realchat/message/v1/SearchMessagesRequest.js';
import type { SearchMessagesResponse as _realchat_message_v1_SearchMessagesResponse, SearchMessagesResponse__Output as _realchat_message_v1_SearchMessagesResponse__Output } from './realchat/message/v1/SearchMessagesResponse.js';
import type { SendMessageRequest as _realchat_message_v1_SendMessageRequest, SendMessageRequest__Output as _realchat_message_v1_SendMessageRequest__Output } from './realchat/message/v1/SendMessageRequest.js';
import type { SendMessageResponse as _realchat_message_v1_SendMessageResponse, SendMessageResponse__Output as _realchat_message_v1_SendMessageResponse__Output } from './realchat/message/v1/SendMessageResponse.js';
import type { SendMessageResult as _realchat_message_v1_SendMessageResult, SendMessageResult__Output as _realchat_message_v1_SendMessageResult__Output } from './realchat/message/v1/SendMessageResult.js';
import type { SendMessagesRequest as _realchat_message_v1_SendMessagesRequest, SendMessagesRequest__Output as _realchat_message_v1_SendMessagesRequest__Output } from './realchat/message/v1/SendMessagesRequest.js';
import type { SendMessagesResponse as _realchat_message_v1_SendMessagesResponse, SendMessagesResponse__Output as _realchat_message_v1_SendMessagesResponse__Output } from './realchat/message/v1/SendMessagesResponse.js';
import type { SyncMessagesRequest as _realchat_message_v1_SyncMessagesRequest, SyncMessagesRequest__Output as _realchat_message_v1_SyncMessagesRequest__Output } from './realchat/message/v1/SyncMessagesRequest.js';
import type { SyncMessagesResponse as _realchat_message_v1_SyncMessagesResponse, SyncMessagesResponse__Output as _realchat_message_v1_SyncMessagesResponse__Output } from './realchat/message/v1/SyncMessagesResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  realchat: {
    message: {
      v1: {
        AttachmentThumbnail: MessageTypeDefinition<_realchat_message_v1_AttachmentThumbnail, _realchat_message_v1_AttachmentThumbnail__Output>
        CallError: MessageTypeDefinition<_realchat_message_v1_CallError, _realchat_message_v1_CallError__Output>
        DeleteMessageRequest: MessageTypeDefinition<_realchat_message_v1_DeleteMessageRequest, _realchat_message_v1_DeleteMessageRequest__Output>
        DeleteMessageResponse: MessageTypeDefinition<_realchat_message_v1_DeleteMessageResponse, _realchat_message_v1_DeleteMessageResponse__Output>
        ListPinsRequest: MessageTypeDefinition<_realchat_message_v1_ListPinsRequest, _realchat_message_v1_ListPinsRequest__Output>
        Message: MessageTypeDefinition<_realchat_message_v1_Message, _realchat_message_v1_Message__Output>
        MessageApi: SubtypeConstructor<typeof grpc.Client, _realchat_message_v1_MessageApiClient> & { service: _realchat_message_v1_MessageApiDefinition }
        MessageAttachment: MessageTypeDefinition<_realchat_message_v1_MessageAttachment, _realchat_message_v1_MessageAttachment__Output>
        Reaction: MessageTypeDefinition<_realchat_message_v1_Reaction, _realchat_message_v1_Reaction__Output>
        ReplyPreview: MessageTypeDefinition<_realchat_message_v1_ReplyPreview, _realchat_message_v1_ReplyPreview__Output>
        SearchHit: MessageTypeDefinition<_realchat_message_v1_SearchHit, _realchat_message_v1_SearchHit__Output>
        SearchMessagesRequest: MessageTypeDefinition<_realchat_message_v1_SearchMessagesRequest, _realchat_message_v1_SearchMessagesRequest__Output>
        SearchMessagesResponse: MessageTypeDefinition<_realchat_message_v1_SearchMessagesResponse, _realchat_message_v1_SearchMessagesResponse__Output>
        SendMessageRequest: MessageTypeDefinition<_realchat_message_v1_SendMessageRequest, _realchat_message_v1_SendMessageRequest__Output>
        SendMessageResponse: MessageTypeDefinition<_realchat_message_v1_SendMessageResponse, _realchat_message_v1_SendMessageResponse__Output>
        SendMessageResult: MessageTypeDefinition<_realchat_message_v1_SendMessageResult, _realchat_message_v1_SendMessageResult__Output>
        SendMessagesRequest: MessageTypeDefinition<_realchat_message_v1_SendMessagesRequest, _realchat_message_v1_SendMessagesRequest__Output>
        SendMessagesResponse: MessageTypeDefinition<_realchat_message_v1_SendMessagesResponse, _realchat_message_v1_SendMessagesResponse__Output>
        SyncMessagesRequest: MessageTypeDefinition<_realchat_message_v1_SyncMessagesRequest, _realchat_message_v1_SyncMessagesRequest__Output>
        SyncMessagesResponse: MessageTypeDefinition<_realchat_message_v1_SyncMessagesResponse, _realchat_message_v1_SyncMessagesResponse__Output>
      }
    }
  }
}

