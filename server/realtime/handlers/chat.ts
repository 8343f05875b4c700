import { LIMITS } from '../../../shared/domain/limits';
import type { AppContext } from '../../context';
import { command, done } from '../handle';
import type { AppSocket } from '../types';

/** [CHAT1–CHAT5] Sending, voting, tips, pins, hiding and paging through a channel. */
export function registerChat(ctx: AppContext, socket: AppSocket): void {
  command(ctx, socket, 'chat:send', async (input, s) => {
    const { message, created } = await ctx.chat.send(s, input);
    return done(message, () => {
      if (created) ctx.publish.chatMessage(s.meetingId, message);
    });
  });

  command(ctx, socket, 'chat:vote', async (input, s) => {
    const m = await ctx.chat.vote(s, input.messageId, input.up);
    return done(m, () => {
      ctx.publish.chatUpdated(s.meetingId, m.id);
      if (s.participantId) ctx.publish.chatMyVote(s.participantId, m.id, input.up);
    });
  });

  command(ctx, socket, 'chat:tip', async (input, s) => {
    const m = await ctx.chat.tip(s, input.messageId, input.on);
    return done(m, () => ctx.publish.chatUpdated(s.meetingId, m.id));
  });

  for (const [event, flag] of [
    ['chat:pin', 'pinned'],
    ['chat:hide', 'hidden'],
  ] as const) {
    command(ctx, socket, event, async (input, s) => {
      const m = await ctx.chat.curate(s, input.messageId, flag, input.on);
      return done(m, () => ctx.publish.chatUpdated(s.meetingId, m.id));
    });
  }

  command(ctx, socket, 'chat:history', async (input, s) =>
    done(await ctx.chat.history(s, input.channel, input.beforeSeq, input.limit ?? LIMITS.chatPage)),
  );

  command(ctx, socket, 'chat:all', async (input, s) => done(await ctx.chat.all(s.meetingId, input.channel)));
}
