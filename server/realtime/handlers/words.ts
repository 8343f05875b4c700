import type { AppContext } from '../../context';
import { ActivityService } from '../../meetings/activities';
import { command, done } from '../handle';
import type { AppSocket } from '../types';

/** [WORDS4] The facilitator merges spellings, splits them again, or hides a word of a word cloud. */
export function registerWords(ctx: AppContext, socket: AppSocket): void {
  command(ctx, socket, 'words:merge', async (input, s) => {
    const r = await ctx.activities.curateWords(
      s.meetingId,
      input.activityId,
      ActivityService.merge(input.keys, input.label),
    );
    return done(r, () => ctx.publish.results(s.meetingId, input.activityId));
  });
  command(ctx, socket, 'words:split', async (input, s) => {
    const r = await ctx.activities.curateWords(
      s.meetingId,
      input.activityId,
      ActivityService.split(input.key),
    );
    return done(r, () => ctx.publish.results(s.meetingId, input.activityId));
  });
  command(ctx, socket, 'words:hide', async (input, s) => {
    const r = await ctx.activities.curateWords(
      s.meetingId,
      input.activityId,
      ActivityService.hide(input.key, input.hidden),
    );
    return done(r, () => ctx.publish.results(s.meetingId, input.activityId));
  });
}
