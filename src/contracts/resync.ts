// The `resync` event frame (docs/protocol.md): what a connection gets when the server cannot know that every
// message reached it live; the client then syncs every conversation from its highest seq. Sent by a gateway to its
// own connections (presence or Kafka lost) and routed by the task to a message's recipients when it gives up
// delivering that message (services/task/give-up.ts).
export const RESYNC_FRAME = JSON.stringify({ op: 'event', type: 'resync', event: { event_type: 'resync' } })
