import {
  type BoardContent,
  emptyContent,
  mergeSync,
  removeNote,
  removeTheme,
  upsertNotes,
  upsertTheme,
} from '../../shared/domain/board/apply';
import type { BoardState, BreakoutView, NoteView, ThemeView } from '../../shared/domain/board/types';
import { newId } from '../../shared/domain/ids';
import type { ActivityView } from '../../shared/domain/types';
import type { PayloadOf } from '../../shared/protocol/commands';
import type { BreakoutSpec } from '../../shared/protocol/schemas/board';
import { ok, type TestSocket } from './server';

export const KOPLOPERS = [
  'Wat kunnen koplopers betekenen voor de aardgasvrije transitie?',
  'Hoe leggen ze verbindingen met de bredere buurt?',
  'Hoe werken koplopers en betrokken instituties samen?',
  'Wat zou hierin beter of anders moeten?',
];

/** A break-out activity (default: the seed's four questions, 5 rooms, random), created and opened. */
export async function openBreakout(
  facilitator: TestSocket,
  spec: Partial<Omit<BreakoutSpec, 'kind'>> = {},
  opts: { anonymous?: boolean; open?: boolean } = {},
): Promise<ActivityView> {
  const id = newId();
  await ok(facilitator, 'activity:create', {
    id,
    agendaItemId: null,
    anonymous: opts.anonymous ?? false,
    spec: {
      kind: 'breakout',
      questions: KOPLOPERS,
      rooms: { by: 'count', count: 5 },
      assignment: 'random',
      timeboxMinutes: 20,
      seeOtherRooms: false,
      participantsCluster: false,
      colourBy: 'choice',
      ...spec,
    },
  });
  if (opts.open === false) return ok(facilitator, 'activity:update', { id });
  return ok(facilitator, 'activity:open', { id });
}

export async function breakoutOf(socket: TestSocket, activityId: string) {
  const snap = await ok(socket, 'session:sync');
  const view = snap.breakouts.find((b) => b.activityId === activityId) as BreakoutView;
  const roomId = snap.placements.find((p) => p.activityId === activityId)?.roomId ?? null;
  return { view, roomId, snap };
}

/**
 * A client's copy of the boards it watches, kept up to date only from broadcasts, with the same
 * version rules as the real client (shared/domain/board/apply.ts).
 */
export class BoardMirror {
  readonly boards = new Map<string, BoardContent>();
  constructor(readonly socket: TestSocket) {
    const on = socket.on.bind(socket) as (ev: string, fn: (x: never) => void) => void;
    const edit = (boardId: string, f: (c: BoardContent) => BoardContent) => {
      const c = this.boards.get(boardId);
      if (c) this.boards.set(boardId, f(c));
    };
    on('note:created', (n: NoteView) => edit(n.boardId, (c) => upsertNotes(c, [n])));
    on('note:updated', (x: { boardId: string; notes: NoteView[] }) =>
      edit(x.boardId, (c) => upsertNotes(c, x.notes)),
    );
    on('note:deleted', (x: { boardId: string; id: string; version: number }) =>
      edit(x.boardId, (c) => removeNote(c, x.id, x.version)),
    );
    on('theme:updated', (t: ThemeView) => edit(t.boardId, (c) => upsertTheme(c, t)));
    on('theme:removed', (x: { boardId: string; id: string }) => edit(x.boardId, (c) => removeTheme(c, x.id)));
    on('board:reset', (x: { boardId: string }) => void this.watch(x.boardId));
  }

  async watch(boardId: string): Promise<BoardState> {
    if (!this.boards.has(boardId)) this.boards.set(boardId, emptyContent());
    const state = await ok(this.socket, 'board:sync', { boardId });
    this.boards.set(boardId, mergeSync(this.boards.get(boardId), state));
    return state;
  }

  /** A comparable form: post-its and themes sorted by id. */
  view(boardId: string) {
    return normalise(this.boards.get(boardId));
  }
}

export function normalise(c: BoardContent | undefined | { notes: NoteView[]; themes: ThemeView[] }) {
  if (!c) return null;
  const notes = Array.isArray(c.notes) ? c.notes : Object.values(c.notes);
  const themes = Array.isArray(c.themes) ? c.themes : Object.values(c.themes);
  return {
    notes: [...notes].sort((a, b) => a.id.localeCompare(b.id)),
    themes: [...themes].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** The server's state of a board, read with a fresh sync. */
export async function serverView(socket: TestSocket, boardId: string) {
  const s = await ok(socket, 'board:sync', { boardId });
  return normalise({ notes: s.notes, themes: s.themes });
}

/** A `note:create` payload: a yellow post-it at (100, 100) unless `extra` says otherwise. */
export const note = (
  boardId: string,
  text: string,
  extra: Partial<PayloadOf<'note:create'>> = {},
): PayloadOf<'note:create'> => ({
  id: newId(),
  boardId,
  text,
  colour: 'geel',
  x: 100,
  y: 100,
  ...extra,
});
