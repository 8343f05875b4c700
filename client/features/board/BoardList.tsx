import { useId } from 'react';
import { useT } from '../../i18n';
import type { BoardModel, DrawnNote } from './model';
import type { NoteCommand } from './useNoteGestures';
import { shortText, VoteButton } from './VoteButton';

/**
 * [BOARD17] Every post-it of a board as a list, grouped by theme (in the board's reading order):
 * the view for screen readers, and for anyone who would rather not use the canvas. Every action
 * of the canvas is a button here.
 */
export function BoardList(props: {
  model: BoardModel;
  selection: ReadonlySet<string>;
  onSelect(id: string, add: boolean): void;
  onCommand(cmd: NoteCommand, noteId: string): void;
  onThemeActions(themeId: string): void;
  headingLevel: 3 | 4;
}) {
  const t = useT();
  const { model } = props;
  const H = `h${props.headingLevel}` as 'h3';
  const unthemed = model.notes.filter((n) => !model.themeOf.has(n.id));
  const groups = [
    ...model.themes.map((b) => ({ id: b.theme.id, heading: b.theme.heading, notes: b.notes, theme: true })),
    { id: 'none', heading: t('board.unthemed'), notes: unthemed, theme: false },
  ].filter((g) => g.theme || g.notes.length > 0);
  return (
    <section className="board-list" aria-label={t('board.listHeading')}>
      {model.notes.length === 0 ? <p className="muted">{t('board.empty')}</p> : null}
      {groups.map((g) => (
        <section key={g.id} className="board-list__group" aria-labelledby={`bl-${g.id}`}>
          <div className="board-list__head">
            <H id={`bl-${g.id}`}>
              <bdi>{g.heading}</bdi>{' '}
              <span className="muted">({t('board.themeCount', { n: g.notes.length })})</span>
            </H>
            {g.theme && model.access.cluster ? (
              <button
                type="button"
                className="btn btn--quiet"
                aria-label={`${t('board.actions')}: ${g.heading}`}
                onClick={() => props.onThemeActions(g.id)}
              >
                {t('board.actions')}
              </button>
            ) : null}
          </div>
          <ul className="board-list__notes">
            {g.notes.map((n) => (
              <ListItem key={n.id} note={n} {...props} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function ListItem(props: {
  note: DrawnNote;
  model: BoardModel;
  selection: ReadonlySet<string>;
  onSelect(id: string, add: boolean): void;
  onCommand(cmd: NoteCommand, noteId: string): void;
}) {
  const t = useT();
  const id = useId();
  const { note: n, model } = props;
  const counts = model.data?.counts;
  const roomVotes = model.data?.roomCounts?.[n.id] ?? 0;
  const mine = model.isMine(n.id);
  const myVotes = model.myVotesOn.get(n.id)?.length ?? 0;
  const meta = [
    t(`board.colour.${n.colour}`),
    n.author ? t('board.by', { name: n.author }) : n.byStaff ? t('board.byStaff') : '',
    n.roomLabel ? t('board.fromRoom', { room: n.roomLabel }) : '',
    mine ? t('board.yours') : '',
    counts
      ? roomVotes > 0 && n.roomLabel
        ? t('board.votesWithRoom', { n: counts[n.id] ?? 0, inRoom: roomVotes, room: n.roomLabel })
        : t('board.votes', { n: counts[n.id] ?? 0 })
      : '',
    myVotes > 0 && !model.access.vote ? t('board.myVotes', { n: myVotes }) : '',
  ].filter(Boolean);
  const short = shortText(n.text);
  const btn = (cmd: NoteCommand, label: string) => (
    <button
      type="button"
      className="btn btn--small"
      aria-label={`${label}: ${short}`}
      onClick={() => props.onCommand(cmd, n.id)}
    >
      {label}
    </button>
  );
  const a = model.access;
  return (
    <li className={`board-list__note board-list__note--${n.colour}`} aria-labelledby={`${id}-t`}>
      <div className="board-list__select field--check">
        <input
          type="checkbox"
          id={`${id}-s`}
          checked={props.selection.has(n.id)}
          onChange={() => props.onSelect(n.id, true)}
        />
        <label htmlFor={`${id}-s`} className="visually-hidden">
          {t('board.select')}: {short}
        </label>
      </div>
      <div className="board-list__body">
        <p id={`${id}-t`} className="board-list__text">
          {n.text}
        </p>
        <p className="board-list__meta">{meta.join(' · ')}</p>
        <div className="board-list__actions">
          {a.write && mine ? btn('edit', t('board.edit')) : null}
          {a.write ? btn('move', t('board.moveTo')) : null}
          {a.cluster ? btn('theme', t('board.toTheme')) : null}
          {a.write && (mine || a.manage) ? btn('delete', t('board.delete')) : null}
          {a.vote ? (
            <VoteButton
              text={n.text}
              mine={myVotes}
              canAdd={model.votesLeft > 0}
              onVote={() => props.onCommand('vote', n.id)}
              onUnvote={() => props.onCommand('unvote', n.id)}
            />
          ) : null}
        </div>
      </div>
    </li>
  );
}
