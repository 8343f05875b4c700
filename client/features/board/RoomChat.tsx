import { useT } from '../../i18n';
import ChatPanel from '../chat/ChatPanel';

/**
 * [SCOPE2][CHAT1] A break-out room's own chat (`room:<id>`): named after the room everywhere it
 * appears (heading, message log, composer), so it is never mistaken for the chat with everyone.
 */
export function RoomChat(props: { roomId: string; room: string; headingLevel?: 3 | 4; className?: string }) {
  const t = useT();
  return (
    <ChatPanel
      channel={`room:${props.roomId}`}
      headingLevel={props.headingLevel ?? 3}
      heading={t('rooms.chatHeading', { room: props.room })}
      hint={t('rooms.chatHint', { room: props.room })}
      logLabel={t('rooms.chatLog', { room: props.room })}
      messageLabel={t('rooms.chatMessage', { room: props.room })}
      className={props.className ?? 'card card--inset'}
    />
  );
}
