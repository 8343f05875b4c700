import type { AppContext } from '../../context';
import { gotoItem } from '../../meetings/flow';
import { command, done } from '../handle';
import { rooms } from '../rooms';
import type { AppSocket } from '../types';

/** [FLOW1] The facilitator moves the meeting from item to item; everyone gets the new position. */
export function registerFlow(ctx: AppContext, socket: AppSocket): void {
  command(ctx, socket, 'meeting:goto', async (input, s) => {
    const view = await gotoItem(ctx.store, s.meetingId, input.itemId);
    return done(view, () => {
      ctx.io.to(rooms.meeting(s.meetingId)).emit('meeting:updated', view);
    });
  });
}
