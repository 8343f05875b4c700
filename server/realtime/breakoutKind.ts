import type { BreakoutResults } from '../../shared/domain/board/results';
import { DomainError } from '../../shared/protocol/ack';
import type { KindProvider } from '../meetings/activities';
import { type BreakoutActivity, type BreakoutService, isBreakout } from '../meetings/breakouts';
import type { Store } from '../storage/store';
import type { BoardPublisher } from './boardPublish';
import type { BreakoutClock } from './breakoutClock';

/**
 * The break-out kind in the activity life cycle: opening starts the break-outs (rooms, boards,
 * placements), closing ends them (room boards become read-only for participants), and its
 * results are the boards' themes and post-its.
 */
export function breakoutProvider(
  store: Store,
  breakouts: BreakoutService,
  publish: BoardPublisher,
  clock: BreakoutClock,
): KindProvider {
  const asBreakout = (a: { spec: { kind: string } }) => a as BreakoutActivity;
  return {
    results: async (a): Promise<BreakoutResults> => breakouts.results(asBreakout(a)),
    checkUpdate: async (a, next) =>
      next.kind === 'breakout' ? breakouts.checkUpdate(asBreakout(a), next) : null,
    async beforeStateChange(a, change) {
      if (change === 'reveal' || change === 'hide') {
        throw new DomainError(
          'invalid_payload',
          'break-outs have no results to reveal: reveal votes per board',
        );
      }
      if (change === 'open') await breakouts.start(asBreakout(a));
      // [BOARD18] One clock: opening starts every room's timer with the time box, closing stops them.
      if (change === 'open' && a.status !== 'open') await clock.starting(asBreakout(a));
      if (change === 'close' && a.status === 'open') await clock.ending(asBreakout(a));
    },
    async announce(meetingId, view, change) {
      if (change === 'open') {
        // [BOARD2] Everyone placed hears their room (also those placed at an earlier start).
        for (const m of await store.breakouts.members(view.id)) {
          publish.tell({ activityId: view.id, participantId: m.participantId, roomId: m.roomId });
        }
      }
      if (change === 'open' || change === 'close') await clock.tellTimers(meetingId, view.id);
      if (change === 'update') {
        const a = await store.activities.get(view.id);
        if (a && isBreakout(a)) await publish.revalidate(a.id);
      }
      publish.breakout(meetingId, view.id);
    },
  };
}
