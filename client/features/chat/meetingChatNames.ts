import { isStaff } from '../../../shared/domain/roles';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';

/**
 * [SCOPE2] While break-out rooms are open there is more than one chat on screen (a participant's
 * room, the rooms staff visit): the meeting chat is then named "Chat met iedereen" in its heading,
 * message log and composer. Otherwise it keeps its plain name.
 */
export function useMeetingChatNames(): { heading?: string; logLabel?: string; messageLabel?: string } {
  const t = useT();
  const rooms = useAppStore((s) =>
    isStaff(s.role ?? undefined)
      ? Object.values(s.breakouts).some((b) => b.status === 'open' && b.rooms.length > 0)
      : Object.entries(s.placements).some(([a, roomId]) => roomId && s.breakouts[a]?.status === 'open'),
  );
  return rooms
    ? {
        heading: t('rooms.meetingChatHeading'),
        logLabel: t('rooms.meetingChatLog'),
        messageLabel: t('rooms.meetingChatMessage'),
      }
    : {};
}
