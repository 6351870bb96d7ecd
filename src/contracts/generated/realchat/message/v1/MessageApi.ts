// Original file: proto/realchat/message/v1/message_api.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DeleteMessageRequest as _realchat_message_v1_DeleteMessageRequest, DeleteMessageRequest__Output as _realchat_message_v1_DeleteMessageRequest__Output } from '../../../realchat/message/v1/DeleteMessageRequest.js';
import type { DeleteMessageResponse as _realchat_message_v1_DeleteMessageResponse, DeleteMessageResponse__Output as _realchat_message_v1_DeleteMessageResponse__Output } from '../../../realchat/message/v1/DeleteMessageResponse.js';
import type { ListPinsRequest as _realchat_message_v1_ListPinsRequest, ListPinsRequest__Output as _realchat_message_v1_ListPinsRequest__Output } from '../../../realchat/message/v1/ListPinsRequest.js';
import type { SearchMessagesRequest as _realchat_message_v1_SearchMessagesRequest, SearchMessagesRequest__Output as _realchat_message_v1_SearchMessagesRequest__Output } from '../../../realchat/message/v1/SearchMessagesRequest.js';
import type { SearchMessagesResponse as _realchat_message_v1_SearchMessagesResponse, SearchMessagesResponse__Output as _realchat_message_v1_SearchMessagesResponse__Output } from '../../../realchat/message/v1/SearchMessagesResponse.js';
import type { SendMessageRequest as _realchat_message_v1_SendMessageRequest, SendMessageRequest__Output as _realchat_message_v1_SendMessageRequest__Output } from '../../../realchat/message/v1/SendMessageRequest.js';
import type { SendMessageResponse as _realchat_message_v1_SendMessageResponse, SendMessageResponse__Output as _realchat_message_v1_SendMessageResponse__Output } from '../../../realchat/message/v1/SendMessageResponse.js';
import type { SendMessagesRequest as _realchat_message_v1_SendMessagesRequest, SendMessagesRequest__Output as _realchat_message_v1_SendMessagesRequest__Output } from '../../../realchat/message/v1/SendMessagesRequest.js';
import type { SendMessagesResponse as _realchat_message_v1_SendMessagesResponse, SendMessagesResponse__Output as _realchat_message_v1_SendMessagesResponse__Output } from '../../../realchat/message/v1/SendMessagesResponse.js';
import type { SyncMessagesRequest as _realchat_message_v1_SyncMessagesRequest, SyncMessagesRequest__Output as _realchat_message_v1_SyncMessagesRequest__Output } from '../../../realchat/message/v1/SyncMessagesRequest.js';
import type { SyncMessagesResponse as _realchat_message_v1_SyncMessagesResponse, SyncMessagesResponse__Output as _realchat_message_v1_SyncMessagesResponse__Output } from '../../../realchat/message/v1/SyncMessagesResponse.js';

export interface MessageApiClient extends grpc.Client {
  DeleteMessage(argument: _realchat_message_v1_DeleteMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_DeleteMessageResponse__Output>): grpc.ClientUnaryCall;
  DeleteMessage(argument: _realchat_message_v1_DeleteMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_realchat_message_v1_DeleteMessageResponse__Output>): grpc.ClientUnaryCall;
  DeleteMessage(argument: _realchat_message_v1_DeleteMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_DeleteMessageResponse__Output>): grpc.ClientUnaryCall;
  DeleteMessage(argument: _realchat_message_v1_DeleteMessageRequest, callback: grpc.requestCallback<_realchat_message_v1_DeleteMessageResponse__Output>): grpc.ClientUnaryCall;
  deleteMessage(argument: _realchat_message_v1_DeleteMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_DeleteMessageResponse__Output>): grpc.ClientUnaryCall;
  deleteMessage(argument: _realchat_message_v1_DeleteMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_realchat_message_v1_DeleteMessageResponse__Output>): grpc.ClientUnaryCall;
  deleteMessage(argument: _realchat_message_v1_DeleteMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_DeleteMessageResponse__Output>): grpc.ClientUnaryCall;
  deleteMessage(argument: _realchat_message_v1_DeleteMessageRequest, callback: grpc.requestCallback<_realchat_message_v1_DeleteMessageResponse__Output>): grpc.ClientUnaryCall;
  
  ListPins(argument: _realchat_message_v1_ListPinsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListPins(argument: _realchat_message_v1_ListPinsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListPins(argument: _realchat_message_v1_ListPinsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  ListPins(argument: _realchat_message_v1_ListPinsRequest, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  listPins(argument: _realchat_message_v1_ListPinsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  listPins(argument: _realchat_message_v1_ListPinsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  listPins(argument: _realchat_message_v1_ListPinsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  listPins(argument: _realchat_message_v1_ListPinsRequest, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  
  SearchMessages(argument: _realchat_message_v1_SearchMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  SearchMessages(argument: _realchat_message_v1_SearchMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_realchat_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  SearchMessages(argument: _realchat_message_v1_SearchMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  SearchMessages(argument: _realchat_message_v1_SearchMessagesRequest, callback: grpc.requestCallback<_realchat_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  searchMessages(argument: _realchat_message_v1_SearchMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  searchMessages(argument: _realchat_message_v1_SearchMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_realchat_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  searchMessages(argument: _realchat_message_v1_SearchMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  searchMessages(argument: _realchat_message_v1_SearchMessagesRequest, callback: grpc.requestCallback<_realchat_message_v1_SearchMessagesResponse__Output>): grpc.ClientUnaryCall;
  
  SendMessage(argument: _realchat_message_v1_SendMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  SendMessage(argument: _realchat_message_v1_SendMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_realchat_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  SendMessage(argument: _realchat_message_v1_SendMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  SendMessage(argument: _realchat_message_v1_SendMessageRequest, callback: grpc.requestCallback<_realchat_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _realchat_message_v1_SendMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _realchat_message_v1_SendMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_realchat_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _realchat_message_v1_SendMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  sendMessage(argument: _realchat_message_v1_SendMessageRequest, callback: grpc.requestCallback<_realchat_message_v1_SendMessageResponse__Output>): grpc.ClientUnaryCall;
  
  SendMessages(argument: _realchat_message_v1_SendMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  SendMessages(argument: _realchat_message_v1_SendMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_realchat_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  SendMessages(argument: _realchat_message_v1_SendMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  SendMessages(argument: _realchat_message_v1_SendMessagesRequest, callback: grpc.requestCallback<_realchat_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  sendMessages(argument: _realchat_message_v1_SendMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  sendMessages(argument: _realchat_message_v1_SendMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_realchat_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  sendMessages(argument: _realchat_message_v1_SendMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  sendMessages(argument: _realchat_message_v1_SendMessagesRequest, callback: grpc.requestCallback<_realchat_message_v1_SendMessagesResponse__Output>): grpc.ClientUnaryCall;
  
  SyncMessages(argument: _realchat_message_v1_SyncMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  SyncMessages(argument: _realchat_message_v1_SyncMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  SyncMessages(argument: _realchat_message_v1_SyncMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  SyncMessages(argument: _realchat_message_v1_SyncMessagesRequest, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  syncMessages(argument: _realchat_message_v1_SyncMessagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  syncMessages(argument: _realchat_message_v1_SyncMessagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  syncMessages(argument: _realchat_message_v1_SyncMessagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  syncMessages(argument: _realchat_message_v1_SyncMessagesRequest, callback: grpc.requestCallback<_realchat_message_v1_SyncMessagesResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface MessageApiHandlers extends grpc.UntypedServiceImplementation {
  DeleteMessage: grpc.handleUnaryCall<_realchat_message_v1_DeleteMessageRequest__Output, _realchat_message_v1_DeleteMessageResponse>;
  
  ListPins: grpc.handleUnaryCall<_realchat_message_v1_ListPinsRequest__Output, _realchat_message_v1_SyncMessagesResponse>;
  
  SearchMessages: grpc.handleUnaryCall<_realchat_message_v1_SearchMessagesRequest__Output, _realchat_message_v1_SearchMessagesResponse>;
  
  SendMessage: grpc.handleUnaryCall<_realchat_message_v1_SendMessageRequest__Output, _realchat_message_v1_SendMessageResponse>;
  
  SendMessages: grpc.handleUnaryCall<_realchat_message_v1_SendMessagesRequest__Output, _realchat_message_v1_SendMessagesResponse>;
  
  SyncMessages: grpc.handleUnaryCall<_realchat_message_v1_SyncMessagesRequest__Output, _realchat_message_v1_SyncMessagesResponse>;
  
}

export interface MessageApiDefinition extends grpc.ServiceDefinition {
  DeleteMessage: MethodDefinition<_realchat_message_v1_DeleteMessageRequest, _realchat_message_v1_DeleteMessageResponse, _realchat_message_v1_DeleteMessageRequest__Output, _realchat_message_v1_DeleteMessageResponse__Output>
  ListPins: MethodDefinition<_realchat_message_v1_ListPinsRequest, _realchat_message_v1_SyncMessagesResponse, _realchat_message_v1_ListPinsRequest__Output, _realchat_message_v1_SyncMessagesResponse__Output>
  SearchMessages: MethodDefinition<_realchat_message_v1_SearchMessagesRequest, _realchat_message_v1_SearchMessagesResponse, _realchat_message_v1_SearchMessagesRequest__Output, _realchat_message_v1_SearchMessagesResponse__Output>
  SendMessage: MethodDefinition<_realchat_message_v1_SendMessageRequest, _realchat_message_v1_SendMessageResponse, _realchat_message_v1_SendMessageRequest__Output, _realchat_message_v1_SendMessageResponse__Output>
  SendMessages: MethodDefinition<_realchat_message_v1_SendMessagesRequest, _realchat_message_v1_SendMessagesResponse, _realchat_message_v1_SendMessagesRequest__Output, _realchat_message_v1_SendMessagesResponse__Output>
  SyncMessages: MethodDefinition<_realchat_message_v1_SyncMessagesRequest, _realchat_message_v1_SyncMessagesResponse, _realchat_message_v1_SyncMessagesRequest__Output, _realchat_message_v1_SyncMessagesResponse__Output>
}
