import { useEffect, useMemo } from 'react';
import { type BoardAccess, boardAccess } from '../../../shared/domain/board/access';
import { byAge, themesInReadingOrder } from '../../../shared/domain/board/apply';
import { noteRect, type Point, type Rect, themeRect, themeSlot } from '../../../shared/domain/board/layout';
import type { BoardView, BreakoutView, NoteView, ThemeView } from '../../../shared/domain/board/types';
import type { ActivityView } from '../../../shared/domain/types';
import type { BreakoutSpec } from '../../../shared/protocol/schemas/board';
import { useAppStore } from '../../store';
import type { BoardData, Pending } from '../../store/boardSlice';

/** Keeps a board synced and subscribed while the component using it is on screen. */
export function useWatchBoard(boardId: string | null): void {
  useEffect(() => {
    if (!boardId) return;
    const s = useAppStore.getState();
    s.watchBoard(boardId);
    return () => s.unwatchBoard(boardId);
  }, [boardId]);
}

/** A post-it as drawn: the server's copy with this client's unacked changes on top. */
export interface DrawnNote extends NoteView {
  pending: boolean;
}

function overlay(
  notes: Record<string, NoteView>,
  pending: Record<string, Pending>,
  boardId: string,
): DrawnNote[] {
  const out: DrawnNote[] = [];
  for (const n of Object.values(notes)) {
    const p = pending[n.id];
    if (!p) {
      out.push(n as DrawnNote);
      continue;
    }
    if (p.deleted) continue;
    out.push({
      ...n,
      x: p.x ?? n.x,
      y: p.y ?? n.y,
      themeId: p.themeId !== undefined ? p.themeId : n.themeId,
      text: p.text ?? n.text,
      colour: p.colour ?? n.colour,
      pending: true,
    });
  }
  for (const [id, p] of Object.entries(pending)) {
    if (p.create && p.create.boardId === boardId && !notes[id] && !p.deleted) {
      out.push({ ...p.create, x: p.x ?? p.create.x, y: p.y ?? p.create.y, pending: true });
    }
  }
  return out.sort(byAge);
}

export interface ThemeBox {
  theme: ThemeView;
  rect: Rect;
  notes: DrawnNote[];
}

export interface BoardModel {
  board: BoardView;
  breakout: BreakoutView;
  activity: ActivityView<BreakoutSpec>;
  access: BoardAccess;
  data: BoardData | undefined;
  notes: DrawnNote[];
  themes: ThemeBox[];
  /** Where each post-it is drawn (in a theme: its slot in the frame). */
  position: Map<string, Point>;
  themeOf: Map<string, ThemeBox>;
  roomLabel: string | null;
  votesLeft: number;
  myVotesOn: Map<string, string[]>;
  isMine(id: string): boolean;
}

/** Everything the board UI draws, derived from the store; memoised so panning never recomputes it. */
export function useBoardModel(
  boardId: string,
  themeDrag?: { id: string; x: number; y: number } | null,
): BoardModel | null {
  const breakout = useAppStore((s) =>
    Object.values(s.breakouts).find((b) => b.boards.some((x) => x.id === boardId)),
  );
  const activity = useAppStore((s) => (breakout ? s.activities[breakout.activityId] : undefined));
  const role = useAppStore((s) => s.role);
  const me = useAppStore((s) => s.me);
  const roomId = useAppStore((s) => (breakout ? (s.placements[breakout.activityId] ?? null) : null));
  const data = useAppStore((s) => s.boardData[boardId]);
  const pending = useAppStore((s) => s.pending);
  const board = breakout?.boards.find((b) => b.id === boardId);

  const notes = useMemo(
    () => (data ? overlay(data.content.notes, pending, boardId) : []),
    [data, pending, boardId],
  );
  const layout = useMemo(() => {
    const themes = themesInReadingOrder(Object.values(data?.content.themes ?? {}));
    const boxes: ThemeBox[] = themes.map((theme) => {
      const at = themeDrag?.id === theme.id ? { ...theme, x: themeDrag.x, y: themeDrag.y } : theme;
      const members = notes.filter((n) => n.themeId === theme.id);
      return { theme: at, rect: themeRect(at, members.length), notes: members };
    });
    const position = new Map<string, Point>();
    const themeOf = new Map<string, ThemeBox>();
    for (const box of boxes) {
      box.notes.forEach((n, i) => {
        position.set(n.id, themeSlot(box.theme, i, box.notes.length));
        themeOf.set(n.id, box);
      });
    }
    for (const n of notes) if (!position.has(n.id)) position.set(n.id, { x: n.x, y: n.y });
    return { boxes, position, themeOf };
  }, [data?.content.themes, notes, themeDrag]);

  if (!breakout || !board || !activity || activity.spec.kind !== 'breakout' || !role) return null;
  const spec = activity.spec as BreakoutSpec;
  const access = boardAccess(
    { role, participantId: me?.id ?? null, roomId },
    { roomId: board.roomId, locked: board.locked, voting: { open: board.voting.open } },
    { status: activity.status, spec, synthesis: breakout.synthesis },
  );
  const myVotesOn = new Map<string, string[]>();
  for (const v of data?.myVotes ?? []) myVotesOn.set(v.noteId, [...(myVotesOn.get(v.noteId) ?? []), v.id]);
  const mine = data?.mine ?? {};
  return {
    board,
    breakout,
    activity: activity as ActivityView<BreakoutSpec>,
    access,
    data,
    notes,
    themes: layout.boxes,
    position: layout.position,
    themeOf: layout.themeOf,
    roomLabel: board.roomId ? (breakout.rooms.find((r) => r.id === board.roomId)?.label ?? null) : null,
    votesLeft: board.voting.limit - (data?.myVotes.length ?? 0),
    myVotesOn,
    isMine: (id) => mine[id] === true || pending[id]?.create !== undefined,
  };
}

/** What takes room on a board: its themes, and the post-its not in one (but those in `except`). */
export function occupiedRects(m: BoardModel, except: ReadonlySet<string> = new Set()): Rect[] {
  return [
    ...m.themes.map((b) => b.rect),
    ...m.notes
      .filter((n) => !m.themeOf.has(n.id) && !except.has(n.id))
      .map((n) => noteRect(m.position.get(n.id)!)),
  ];
}
