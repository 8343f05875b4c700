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
  bindBoardEvents(socket);
}

/** Break-outs and boards (BOARD rules). */
function bindBoardEvents(socket: AppClientSocket): void {
  const s = useAppStore.getState();
  socket.on('breakout:updated', s.breakoutUpdated);
  socket.on('breakout:placed', (p) => {
    s.placed(p);
    // [SCOPE2] The room's chat so far (its timer, if running, the server sends along).
    if (p.roomId) void s.chatLoad(`room:${p.roomId}`);
  });
  socket.on('activity:removed', ({ id }) => s.breakoutRemoved(id));
  socket.on('board:updated', s.boardUpdated);
  socket.on('board:reset', ({ boardId }) => void s.syncBoard(boardId));
  socket.on('note:created', s.noteCreated);
  socket.on('note:updated', ({ boardId, notes }) => s.notesUpdated(boardId, notes));
  socket.on('note:deleted', ({ boardId, id, version }) => s.noteDeleted(boardId, id, version));
  socket.on('note:mine', ({ boardId, id }) => s.noteMine(boardId, id));
  socket.on('note:dragging', s.noteDragging);
  socket.on('theme:updated', s.themeUpdated);
  socket.on('theme:removed', ({ boardId, id }) => s.themeRemoved(boardId, id));
  socket.on('votes:counted', ({ boardId, counts, roomCounts }) =>
    s.votesCounted(boardId, counts, roomCounts),
  );
  socket.on('votes:hidden', ({ boardId }) => s.votesHidden(boardId));
  socket.on('votes:mine', ({ boardId, votes }) => s.votesMine(boardId, votes));
}
