import { z } from 'zod';
import { Id, LIMITS, text } from './common';
import { ScopeSchema } from './timer';

/** [CHAT1] A message: its client-made id (a resend is stored once), the channel, the text. */
export const ChatSend = z.strictObject({
  id: Id,
  channel: ScopeSchema,
  text: text(LIMITS.chatMessage, 1),
});
/** [CHAT2] Upvote (true) or take the vote back (false). */
export const ChatVote = z.strictObject({ messageId: Id, up: z.boolean() });
/** [CHAT3][CHAT4] Set or clear a flag on a message. */
export const ChatFlag = z.strictObject({ messageId: Id, on: z.boolean() });
/** [CHAT5] Older messages of a channel, before a `seq`. */
export const ChatHistory = z.strictObject({
  channel: ScopeSchema,
  beforeSeq: z.number().int().min(0),
  limit: z.number().int().min(1).max(LIMITS.chatPage).optional(),
});

/** [REPORT13] Every visible message of a channel, for the verslag's harvest (staff only). */
export const ChatAll = z.strictObject({ channel: ScopeSchema });
