import { DRAG_SEND_MS, latestThrottle } from '../../../shared/domain/board/drag';
import type { NoteColour } from '../../../shared/domain/board/palette';
import type { NoteView } from '../../../shared/domain/board/types';
import { newId } from '../../../shared/domain/ids';
import type { Ack } from '../../../shared/protocol/ack';
import type { NoteResult } from '../../../shared/protocol/boardEvents';
import { send } from '../../send';
import { useAppStore } from '../../store';

/**
 * Board commands. Post-it changes show at once (an overlay on the server's copy) and are
 * replaced by what the server answers; a refused change simply disappears again (BOARD8).
 */
const store = () => useAppStore.getState();

async function noteOp(
  boardId: string,
  id: string,
  overlay: Parameters<ReturnType<typeof store>['setPending']>[1],
  run: () => Promise<Ack<NoteResult>>,
): Promise<Ack<NoteResult>> {
  const seq = store().setPending(id, overlay);
  const r = await run();
  if (!r.ok && r.error === 'not_found') {
    // The post-it was deleted meanwhile: it is gone here too.
    store().settle(boardId, id, seq, { id, note: null, version: Number.MAX_SAFE_INTEGER });
  } else store().settle(boardId, id, seq, r.ok ? r.data : undefined);
  return r;
}

export function createNote(input: {
  boardId: string;
  text: string;
  colour: NoteColour;
  x: number;
  y: number;
  themeId?: string | null;
  author: string | null;
  byStaff: boolean;
}) {
  const id = newId();
  const draft: NoteView = {
    id,
    boardId: input.boardId,
    text: input.text,
    colour: input.colour,
    x: Math.round(input.x),
    y: Math.round(input.y),
    themeId: input.themeId ?? null,
    author: input.author,
    byStaff: input.byStaff,
    roomLabel: null,
    version: 0,
    createdAt: Date.now() + store().clockOffset,
  };
  return noteOp(input.boardId, id, { create: draft }, () =>
    send('note:create', {
      id,
      boardId: input.boardId,
      text: input.text,
      colour: input.colour,
      x: draft.x,
      y: draft.y,
      ...(input.themeId ? { themeId: input.themeId } : {}),
    }),
  );
}

export const editNote = (boardId: string, id: string, patch: { text?: string; colour?: NoteColour }) =>
  noteOp(boardId, id, patch, () => send('note:edit', { id, ...patch }));

export const moveNote = (boardId: string, id: string, x: number, y: number, themeId?: string | null) => {
  const p = { x: Math.max(0, Math.round(x)), y: Math.max(0, Math.round(y)) };
  return noteOp(boardId, id, themeId !== undefined ? { ...p, themeId } : p, () =>
    send('note:move', { id, ...p, ...(themeId !== undefined ? { themeId } : {}) }),
  );
};

export const deleteNote = (boardId: string, id: string) =>
  noteOp(boardId, id, { deleted: true }, () => send('note:delete', { id }));

export async function toTheme(boardId: string, noteIds: string[], themeId: string | null) {
  const seqs = noteIds.map((id) => [id, store().setPending(id, { themeId })] as const);
  const r = await send('note:theme', { boardId, noteIds, themeId });
  if (r.ok) store().notesUpdated(boardId, r.data.notes);
  for (const [id, seq] of seqs) store().settle(boardId, id, seq);
  return r;
}

export async function createTheme(
  boardId: string,
  heading: string,
  x: number,
  y: number,
  noteIds: string[] = [],
) {
  const r = await send('theme:create', {
    id: newId(),
    boardId,
    heading,
    x: Math.round(x),
    y: Math.round(y),
    noteIds,
  });
  if (r.ok) {
    store().themeUpdated(r.data.theme);
    store().notesUpdated(boardId, r.data.notes);
  }
  return r;
}

export async function updateTheme(id: string, patch: { heading?: string; x?: number; y?: number }) {
  const clean = {
    ...patch,
    ...(patch.x !== undefined ? { x: Math.max(0, Math.round(patch.x)) } : {}),
    ...(patch.y !== undefined ? { y: Math.max(0, Math.round(patch.y)) } : {}),
  };
  const r = await send('theme:update', { id, ...clean });
  if (r.ok) store().themeUpdated(r.data);
  return r;
}

export async function mergeTheme(boardId: string, id: string, intoId: string) {
  const r = await send('theme:merge', { id, intoId });
  if (r.ok) {
    store().notesUpdated(boardId, r.data.notes);
    store().themeRemoved(boardId, r.data.removed);
  }
  return r;
}

export async function dissolveTheme(boardId: string, id: string) {
  const r = await send('theme:dissolve', { id });
  if (r.ok) {
    store().notesUpdated(boardId, r.data.notes);
    store().themeRemoved(boardId, r.data.removed);
  }
  return r;
}

export async function vote(boardId: string, noteId: string) {
  const r = await send('vote:cast', { id: newId(), noteId });
  if (r.ok) store().votesMine(boardId, r.data);
  return r;
}

/** The ack of a retract cannot tell a gone vote's board: `votes:mine` (to all my tabs) updates the count. */
export const unvote = (voteId: string) => send('vote:retract', { id: voteId });

function emitDrag(boardId: string, id: string, x: number, y: number, end: boolean) {
  const socket = store().connection?.socket;
  if (!socket?.connected) return;
  socket.volatile.emit('note:drag', {
    boardId,
    id,
    x: Math.max(0, Math.round(x)),
    y: Math.max(0, Math.round(y)),
    ...(end ? { end: true } : {}),
  });
}

const drags = latestThrottle<Parameters<typeof emitDrag>>(
  DRAG_SEND_MS,
  () => performance.now(),
  (d) => emitDrag(...d),
);

/**
 * [BOARD9] A drag in progress: volatile, at most every `DRAG_SEND_MS`, never queued when offline.
 * Throttled on the trailing edge too, so viewers always end up seeing where the pointer last was.
 */
export function dragPresence(boardId: string, id: string, x: number, y: number, end = false): void {
  drags.push([boardId, id, x, y, end], end);
}
