import { createContext, memo, useContext, useRef } from 'react';
import { NOTE_H, NOTE_W } from '../../../shared/domain/board/layout';
import { COLOUR_HEX } from '../../../shared/domain/board/palette';
import type { NoteDragging } from '../../../shared/protocol/boardEvents';
import { CONTENT_LANG, useT } from '../../i18n';
import type { DrawnNote } from './model';
import { VoteButton } from './VoteButton';

/** What a post-it on the canvas can ask of its board; a stable object, so post-its never re-render for it. */
export interface CanvasApi {
  zoom(): number;
  select(id: string, add: boolean): void;
  focusNote(id: string): void;
  dragMove(id: string, x: number, y: number, clientX: number, clientY: number): void;
  drop(id: string, x: number, y: number, clientX: number, clientY: number): void;
  dragCancel(id: string): void;
  keyDown(id: string, e: React.KeyboardEvent): void;
  openActions(id: string): void;
  vote(id: string): void;
  unvote(id: string): void;
}
export const CanvasApiContext = createContext<CanvasApi | null>(null);

export interface NoteCardProps {
  note: DrawnNote;
  x: number;
  y: number;
  selected: boolean;
  mine: boolean;
  canMove: boolean;
  /** Votes shown (counts revealed or staff), else null. */
  votes: number | null;
  /** A synthesis copy: the part of `votes` it got in its room (BOARD13). */
  roomVotes: number;
  myVotes: number;
  /** Voting is open and I may vote here: the vote button is drawn (BOARD12). */
  canVote: boolean;
  /** I have votes left on this board. */
  canAddVote: boolean;
  themeHeading: string | null;
  /** Someone else's drag in progress. */
  drag: NoteDragging | undefined;
  helpId: string;
}

/**
 * [BOARD6][BOARD9][BOARD17] One post-it. Drawn with a transform (no layout work when it moves);
 * dragged by pointer with the DOM updated directly (no React render per frame); a remote drag is
 * shown, but while this client drags the post-it its own position wins. Focusable, with its full
 * text, colour name, writer and votes in its accessible name.
 */
export const NoteCard = memo(function NoteCard(p: NoteCardProps) {
  const t = useT();
  const api = useContext(CanvasApiContext)!;
  const ref = useRef<HTMLDivElement>(null);
  // The drag is anchored where it started (ox, oy): a remote change meanwhile never moves it (BOARD9).
  const local = useRef<{
    px: number;
    py: number;
    ox: number;
    oy: number;
    dx: number;
    dy: number;
    dragging: boolean;
    id: number;
  } | null>(null);
  const n = p.note;
  const remote = p.drag && !local.current?.dragging ? p.drag : undefined;
  const at = local.current?.dragging
    ? { x: local.current.ox + local.current.dx, y: local.current.oy + local.current.dy }
    : remote
      ? { x: remote.x, y: remote.y }
      : { x: p.x, y: p.y };
  const colourName = t(`board.colour.${n.colour}`);
  const who = n.author ? t('board.by', { name: n.author }) : n.byStaff ? t('board.byStaff') : '';
  const label = t('board.noteLabel', {
    text: n.text,
    colour: t('board.colourName', { name: colourName }),
    author: [
      who,
      n.roomLabel ? t('board.fromRoom', { room: n.roomLabel }) : '',
      p.mine ? t('board.yours') : '',
    ]
      .filter(Boolean)
      .join(', '),
    theme: p.themeHeading ? t('board.inTheme', { heading: p.themeHeading }) : '',
    votes: [
      p.votes !== null
        ? p.roomVotes > 0 && n.roomLabel
          ? t('board.votesWithRoom', { n: p.votes, inRoom: p.roomVotes, room: n.roomLabel })
          : t('board.votes', { n: p.votes })
        : '',
      p.myVotes > 0 ? t('board.myVotes', { n: p.myVotes }) : '',
    ]
      .filter(Boolean)
      .join(', '),
  });

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    // Grabbed where it is drawn now (also where someone else is dragging it).
    local.current = {
      px: e.clientX,
      py: e.clientY,
      ox: at.x,
      oy: at.y,
      dx: 0,
      dy: 0,
      dragging: false,
      id: e.pointerId,
    };
    if (p.canMove) e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const l = local.current;
    if (!l || l.id !== e.pointerId || !p.canMove) return;
    const z = api.zoom();
    l.dx = (e.clientX - l.px) / z;
    l.dy = (e.clientY - l.py) / z;
    if (!l.dragging && Math.hypot(e.clientX - l.px, e.clientY - l.py) < 4) return;
    l.dragging = true;
    const el = ref.current!;
    el.classList.add('note--dragging');
    el.style.transform = `translate(${l.ox + l.dx}px, ${l.oy + l.dy}px)`;
    api.dragMove(n.id, l.ox + l.dx, l.oy + l.dy, e.clientX, e.clientY);
  };
  const finish = (e: React.PointerEvent<HTMLDivElement>, cancelled: boolean) => {
    const l = local.current;
    if (!l || l.id !== e.pointerId) return;
    local.current = null;
    ref.current?.classList.remove('note--dragging');
    if (!l.dragging) {
      if (!cancelled) api.select(n.id, e.shiftKey || e.metaKey || e.ctrlKey);
      return;
    }
    if (cancelled) {
      ref.current!.style.transform = `translate(${p.x}px, ${p.y}px)`;
      api.dragCancel(n.id);
    } else api.drop(n.id, l.ox + l.dx, l.oy + l.dy, e.clientX, e.clientY);
  };

  const cls = [
    'note',
    p.selected ? 'note--selected' : '',
    n.pending ? 'note--pending' : '',
    remote ? 'note--remote' : '',
    local.current?.dragging ? 'note--dragging' : '',
    p.mine ? 'note--mine' : '',
    p.canVote ? 'note--voting' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <>
      <div
        ref={ref}
        className={cls}
        data-note-id={n.id}
        role="button"
        tabIndex={0}
        aria-roledescription="post-it"
        aria-pressed={p.selected}
        aria-label={label}
        aria-describedby={p.helpId}
        style={{ transform: `translate(${at.x}px, ${at.y}px)`, background: COLOUR_HEX[n.colour] }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={(e) => finish(e, false)}
        onPointerCancel={(e) => finish(e, true)}
        onFocus={() => api.focusNote(n.id)}
        onKeyDown={(e) => api.keyDown(n.id, e)}
        onDoubleClick={() => api.openActions(n.id)}
      >
        <bdi className="note__text" lang={CONTENT_LANG}>
          {n.text}
        </bdi>
        <span className="note__meta" aria-hidden="true">
          <span className="note__colour">{colourName}</span>
          {n.roomLabel ? <span className="note__room">{n.roomLabel}</span> : null}
          {n.author ? <bdi className="note__author">{n.author}</bdi> : null}
          {p.votes !== null && p.votes > 0 ? (
            <span className="note__votes">
              ● {p.votes}
              {p.roomVotes > 0 && n.roomLabel
                ? ` (${t('board.votesRoomShort', { n: p.votes, inRoom: p.roomVotes, room: n.roomLabel })})`
                : ''}
            </span>
          ) : null}
          {p.myVotes > 0 && !p.canVote ? (
            <span className="note__myvotes">{'✓'.repeat(Math.min(p.myVotes, 5))}</span>
          ) : null}
        </span>
        {remote ? (
          <span className="note__remote" aria-hidden="true">
            {remote.by ? t('board.movingBy', { name: remote.by }) : t('board.movingSomeone')}
          </span>
        ) : null}
      </div>
      {p.canVote ? (
        <VoteButton
          className="vote--canvas"
          // Its right middle sits on the post-it's bottom edge; it grows when zoomed far out (BoardCanvas).
          style={{
            transform: `translate(${at.x + NOTE_W - 6}px, ${at.y + NOTE_H}px) translate(-100%, -50%) scale(var(--vote-scale, 1))`,
          }}
          text={n.text}
          mine={p.myVotes}
          canAdd={p.canAddVote}
          onVote={() => api.vote(n.id)}
          onUnvote={() => api.unvote(n.id)}
        />
      ) : null}
    </>
  );
});
