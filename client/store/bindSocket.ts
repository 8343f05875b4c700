import type { AppClientSocket } from '../connection';
import { useAppStore } from './index';

/** The only place where server events enter the store. */
export function bindSocket(socket: AppClientSocket): void {
  const s = useAppStore.getState();
  socket.on('meeting:updated', s.meetingUpdated);
  socket.on('meeting:deleted', s.meetingDeleted);
  socket.on('agenda:updated', s.agendaUpdated);
  socket.on('presence:updated', s.presenceUpdated);
  socket.on('participant:updated', s.meUpdated);
  socket.on('activity:updated', s.activityUpdated);
  socket.on('activity:removed', ({ id }) => s.activityRemoved(id));
  socket.on('activity:progress', s.progressUpdated);
  socket.on('results:updated', s.resultsUpdated);
  socket.on('results:hidden', ({ activityId }) => s.resultsHidden(activityId));
  socket.on('response:mine', ({ activityId, response }) => s.mineUpdated(activityId, response));
  socket.on('timer:updated', s.timerUpdated);
  socket.on('chat:message', s.chatMessage);
  socket.on('chat:updated', s.chatUpdated);
  socket.on('chat:removed', ({ id }) => s.chatRemoved(id));
  socket.on('chat:myvote', ({ messageId, up }) => s.chatMyVote(messageId, up));
}
