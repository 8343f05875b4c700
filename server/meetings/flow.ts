import type { MeetingView } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/ack';
import type { Store } from '../storage/store';
import { meetingView } from './meetings';

/**
 * [FLOW1] Moves the meeting to an agenda item of this meeting (or to "not started": null).
 * Setting the item it is already at changes nothing, so a retry is harmless.
 */
export async function gotoItem(store: Store, meetingId: string, itemId: string | null): Promise<MeetingView> {
  if (itemId !== null) {
    const item = await store.agenda.get(itemId);
    if (!item || item.meetingId !== meetingId) throw new DomainError('not_found', 'no such agenda item');
  }
  const m = await store.meetings.get(meetingId);
  if (!m) throw new DomainError('not_found', 'this meeting no longer exists');
  if (m.currentItemId !== itemId) await store.meetings.update(meetingId, { currentItemId: itemId });
  return meetingView({ ...m, currentItemId: itemId });
}
