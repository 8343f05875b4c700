import { isStaff } from '../../../shared/domain/roles';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import ChatPanel from '../chat/ChatPanel';

/**
 * [SCOPE2][CHAT1] A break-out room's own chat (`room:<id>`): named after the room everywhere it
 * appears (heading, message log, composer), so it is never mistaken for the chat with everyone.
 * [CHAT9] Once the break-outs ended it is read-only, with a note saying so instead of the composer.
 */
export function RoomChat(props: {
  roomId: string;
  room: string;
  headingLevel?: 3 | 4;
  className?: string;
  ended?: boolean;
}) {
  const t = useT();
  const staff = useAppStore((s) => isStaff(s.role ?? undefined));
  const closed = props.ended
    ? staff
      ? t('rooms.chatClosedStaff', { room: props.room })
      : t('rooms.chatClosed', { room: props.room })
    : undefined;
  return (
    <ChatPanel
      channel={`room:${props.roomId}`}
      headingLevel={props.headingLevel ?? 3}
      heading={t('rooms.chatHeading', { room: props.room })}
      hint={t('rooms.chatHint', { room: props.room })}
      logLabel={t('rooms.chatLog', { room: props.room })}
      messageLabel={t('rooms.chatMessage', { room: props.room })}
      className={props.className ?? 'card card--inset'}
      {...(closed !== undefined ? { closed } : {})}
    />
  );
}
