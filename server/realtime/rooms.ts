/** Socket.IO room names. A room per audience, so each broadcast reaches exactly who may see it. */
export const rooms = {
  /** Everyone in the meeting. */
  meeting: (meetingId: string) => `m:${meetingId}`,
  /** Facilitator and secretary. */
  staff: (meetingId: string) => `m:${meetingId}:staff`,
  /** Every participant's connections. */
  participants: (meetingId: string) => `m:${meetingId}:p`,
  /** Observers (projector, meekijkers). */
  observers: (meetingId: string) => `m:${meetingId}:o`,
  /** All tabs of one participant. */
  participant: (participantId: string) => `p:${participantId}`,
  /** The connections of the participants placed in one break-out room (room chat and timer). */
  breakoutRoom: (roomId: string) => `r:${roomId}`,
};
