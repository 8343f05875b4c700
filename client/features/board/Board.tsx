import { useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  areaPoint,
  contentBounds,
  freeSpot,
  MARGIN,
  newThemeSpot,
  noteRect,
  type Point,
  type Rect,
} from '../../../shared/domain/board/layout';
import { COLOUR_HEX, NO_ORG_COLOUR, type NoteColour, ORG_COLOUR } from '../../../shared/domain/board/palette';
import { ORG_TYPES } from '../../../shared/domain/roles';
import { useLang, useT } from '../../i18n';
import { useAppStore } from '../../store';
import { orgLabel } from '../participant/orgLabel';
import {
  createNote,
  createTheme,
  deleteNote,
  dissolveTheme,
  editNote,
  mergeTheme,
  moveNote,
  toTheme,
  unvote,
  updateTheme,
  vote,
} from './actions';
import { BoardCanvas, type CanvasHandle, type NoteCommand } from './BoardCanvas';
import { BoardControls } from './BoardControls';
import { BoardList } from './BoardList';
import {
  ActionsDialog,
  MoveDialog,
  type MoveTarget,
  NoteDialog,
  ThemeDialog,
  ThemeEditDialog,
} from './Dialogs';
import { useBoardModel, useWatchBoard } from './model';
import { useBoardView } from './useBoardView';
import { VotingBar } from './VotingBar';

type Dialog =
  | { kind: 'note'; id?: string; at?: Point }
  | { kind: 'actions'; id: string }
  | { kind: 'move'; ids: string[] }
  | { kind: 'theme'; ids: string[] }
  | { kind: 'themeEdit'; id: string };

const editable = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/**
 * [BOARD6–BOARD12][BOARD17] One board: its question on top, a toolbar (add, themes, selection,
 * board or list view, shortcuts), the facilitator's controls, and the canvas or the list.
 * Every action works by pointer, by keyboard shortcut, and by buttons in dialogs.
 */
export function BoardPanel(props: { boardId: string; headingLevel?: 3 | 4; fullscreen?: boolean }) {
  const t = useT();
  const helpId = useId();
  useWatchBoard(props.boardId);
  const [themeDrag, setThemeDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  const model = useBoardModel(props.boardId, themeDrag);
  const me = useAppStore((s) => s.me);
  const [view, setView] = useBoardView();
  const [selection, setSelection] = useState<Set<string>>(() => new Set());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState('');
  // [A11Y3] A confirmation in the old language is not left behind when the language changes.
  const lang = useLang((s) => s.lang);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the language changes
  useEffect(() => setStatus(''), [lang]);
  const canvas = useRef<CanvasHandle | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const H = `h${props.headingLevel ?? 3}` as 'h3';

  const announce = useCallback((msg: string) => {
    // Clear first so the same message twice is read twice.
    setStatus('');
    requestAnimationFrame(() => setStatus(msg));
  }, []);
  const open = (d: Dialog) => {
    returnFocus.current = document.activeElement as HTMLElement | null;
    setDialog(d);
  };
  const close = () => setDialog(null);
  // Focus goes back where it was once the dialog is really gone (while a modal is open, the rest
  // of the page is inert and cannot take focus).
  useEffect(() => {
    if (dialog !== null) return;
    const el = returnFocus.current;
    returnFocus.current = null;
    if (el?.isConnected) el.focus();
  }, [dialog]);
  const onSelect = useCallback((id: string, add: boolean) => {
    setSelection((sel) => {
      if (!id) return new Set();
      if (!add) return sel.size === 1 && sel.has(id) ? sel : new Set([id]);
      const next = new Set(sel);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  if (!model) {
    return (
      <p className="muted" role="status">
        {t('board.loading')}
      </p>
    );
  }
  const { access, board } = model;
  const failed = (r: { ok: boolean; message?: string; error?: string }) =>
    r.ok
      ? null
      : r.error === 'forbidden'
        ? t('board.notAllowed')
        : t('board.failed', { message: r.message ?? '' });
  const note = (id: string) => model.notes.find((n) => n.id === id);

  const taken = (except: ReadonlySet<string> = new Set()): Rect[] => [
    ...model.themes.map((b) => b.rect),
    ...model.notes
      .filter((n) => !model.themeOf.has(n.id) && !except.has(n.id))
      .map((n) => noteRect(model.position.get(n.id)!)),
  ];

  const moveTo = async (target: MoveTarget, ids: string[]) => {
    if (target.kind === 'theme') {
      const r = await toTheme(board.id, ids, target.themeId);
      const heading = model.themes.find((b) => b.theme.id === target.themeId)?.theme.heading ?? '';
      return announce(failed(r) ?? t('board.themed', { heading }));
    }
    const moving = new Set(ids);
    const rects = taken(moving);
    const anchor =
      target.kind === 'out'
        ? areaPoint('topRight', contentBounds(rects))
        : areaPoint(
            target.area,
            contentBounds(rects.length ? rects : [{ x: MARGIN, y: MARGIN, w: 0, h: 0 }]),
          );
    let problem: string | null = null;
    for (const id of ids) {
      const spot = freeSpot(rects, anchor);
      rects.push(noteRect(spot));
      const leave = model.themeOf.has(id) && access.cluster ? null : undefined;
      const r = await moveNote(board.id, id, spot.x, spot.y, leave);
      problem ??= failed(r);
    }
    announce(problem ?? t('board.moved'));
    if (ids.length === 1) requestAnimationFrame(() => canvas.current?.focusNote(ids[0]!));
  };

  const command = (cmd: NoteCommand, noteId: string | null) => {
    const ids =
      noteId && !(selection.has(noteId) && selection.size > 1)
        ? [noteId]
        : selection.size > 0
          ? [...selection]
          : [];
    const n = noteId ? note(noteId) : undefined;
    switch (cmd) {
      case 'new':
        return access.write ? open({ kind: 'note' }) : announce(t('board.notAllowed'));
      case 'actions':
        return noteId ? open({ kind: 'actions', id: noteId }) : undefined;
      case 'edit':
        return n && access.write && model.isMine(n.id)
          ? open({ kind: 'note', id: n.id })
          : announce(t('board.notAllowed'));
      case 'move':
        return access.write && ids.length ? open({ kind: 'move', ids }) : announce(t('board.notAllowed'));
      case 'theme':
        return access.cluster && ids.length ? open({ kind: 'theme', ids }) : announce(t('board.notAllowed'));
      case 'select':
        return noteId ? onSelect(noteId, true) : undefined;
      case 'vote':
        if (!n || !access.vote) return announce(t('board.notAllowed'));
        if (model.votesLeft <= 0) return announce(t('board.noVotesLeft'));
        return void vote(board.id, n.id).then((r) => announce(failed(r) ?? t('board.voted')));
      case 'unvote': {
        const mine = n ? model.myVotesOn.get(n.id) : undefined;
        if (!mine?.length) return;
        return void unvote(mine[mine.length - 1]!).then((r) => announce(failed(r) ?? t('board.unvoted')));
      }
      case 'delete':
        return n && access.write && (model.isMine(n.id) || access.manage)
          ? open({ kind: 'actions', id: n.id })
          : announce(t('board.notAllowed'));
    }
  };

  const saveNote = async (text: string, colour: NoteColour, id?: string, where?: Point) => {
    if (id) return failed(await editNote(board.id, id, { text, colour }));
    const at = where
      ? freeSpot(taken(), where)
      : (canvas.current?.freeSpotInView() ?? freeSpot(taken(), { x: MARGIN, y: MARGIN }));
    const r = await createNote({
      boardId: board.id,
      text,
      colour,
      ...at,
      author: board.anonymous ? null : (me?.name ?? null),
      byStaff: !me,
    });
    const problem = failed(r);
    announce(problem ?? t('board.added'));
    return problem;
  };

  const d = dialog;
  const dialogNote = d && (d.kind === 'note' || d.kind === 'actions') && d.id ? note(d.id) : undefined;
  const synthesis = board.roomId === null;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches the N shortcut anywhere on the board
    <div
      className={props.fullscreen ? 'board board--full' : 'board'}
      onKeyDown={(e) => {
        if (
          (e.key === 'n' || e.key === 'N') &&
          !e.ctrlKey &&
          !e.metaKey &&
          !e.altKey &&
          !editable(e.target)
        ) {
          e.preventDefault();
          command('new', null);
        }
      }}
    >
      <div className="board__head">
        <H className="board__question" dir="auto">
          {board.question}
        </H>
        <p className="board__facts">
          {model.roomLabel ? <span className="badge">{model.roomLabel}</span> : null}
          {synthesis ? <span className="badge">{t('breakout.synthesis')}</span> : null}
          <span className="badge">{t('board.count', { n: model.notes.length })}</span>
          {board.locked ? <span className="badge badge--closed">{t('board.locked')}</span> : null}
          {!access.write && !board.locked ? <span className="badge">{t('board.readOnly')}</span> : null}
          {board.anonymous ? <span className="badge">{t('board.anonymousNote')}</span> : null}
        </p>
      </div>
      {model.activity.spec.colourBy === 'orgType' ? (
        <p className="board__legend">
          <span className="board__legend-title">{t('board.legend')}:</span>
          {ORG_TYPES.map((o) => (
            <span key={o} className="board__legend-item">
              <span
                className="swatch__chip"
                style={{ background: COLOUR_HEX[ORG_COLOUR[o]] }}
                aria-hidden="true"
              />
              {t(`board.colour.${ORG_COLOUR[o]}`)} = {orgLabel(t, o)}
            </span>
          ))}
          <span className="board__legend-item">
            <span
              className="swatch__chip"
              style={{ background: COLOUR_HEX[NO_ORG_COLOUR] }}
              aria-hidden="true"
            />
            {t(`board.colour.${NO_ORG_COLOUR}`)} = {t('board.legendNone')}
          </span>
        </p>
      ) : null}
      {access.manage ? <BoardControls model={model} /> : null}
      {board.voting.open && access.vote ? (
        <VotingBar left={model.votesLeft} limit={board.voting.limit} revealed={board.voting.revealed} />
      ) : null}
      <div
        className="board__toolbar"
        role="toolbar"
        aria-label={t('board.actions')}
        aria-orientation="horizontal"
      >
        {access.write ? (
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => command('new', null)}
            aria-keyshortcuts="N"
          >
            + {t('board.add')}
          </button>
        ) : null}
        {access.cluster ? (
          <button type="button" className="btn" onClick={() => open({ kind: 'theme', ids: [...selection] })}>
            {selection.size > 0 ? t('board.toTheme') : t('board.newTheme')}
          </button>
        ) : null}
        {selection.size > 0 ? (
          <>
            <span className="board__selected" aria-live="polite">
              {t('board.selected', { n: selection.size })}
            </span>
            {access.write ? (
              <button type="button" className="btn" onClick={() => command('move', null)}>
                {t('board.moveTo')}
              </button>
            ) : null}
            <button type="button" className="btn btn--quiet" onClick={() => setSelection(new Set())}>
              {t('board.clearSelection')}
            </button>
          </>
        ) : null}
        <span className="board__views" role="group" aria-label={t('board.viewSwitch')}>
          <button
            type="button"
            className="btn btn--small"
            aria-pressed={view === 'board'}
            onClick={() => setView('board')}
          >
            {t('board.viewBoard')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            aria-pressed={view === 'list'}
            onClick={() => setView('list')}
          >
            {t('board.viewList')}
          </button>
        </span>
      </div>
      <details className="board__help">
        <summary>{t('board.shortcuts')}</summary>
        <ul>
          {t('board.shortcutsList')
            .split('\n')
            .map((line) => (
              <li key={line}>{line}</li>
            ))}
        </ul>
      </details>
      <p id={helpId} className="visually-hidden">
        {t('board.surfaceHelp')}
      </p>
      {!model.data?.synced ? (
        <p className="muted" role="status">
          {t('board.loading')}
        </p>
      ) : view === 'board' ? (
        <>
          {model.notes.length === 0 ? <p className="muted">{t('board.empty')}</p> : null}
          <BoardCanvas
            model={model}
            selection={selection}
            onSelect={onSelect}
            onCommand={command}
            onThemeActions={(id) => open({ kind: 'themeEdit', id })}
            announce={announce}
            handle={canvas}
            label={t('board.surface', { q: board.question })}
            helpId={helpId}
            captureWheel={props.fullscreen ?? false}
            themeDrag={themeDrag}
            setThemeDrag={setThemeDrag}
            onNewAt={(at) => (access.write ? open({ kind: 'note', at }) : undefined)}
          />
        </>
      ) : (
        <BoardList
          model={model}
          selection={selection}
          onSelect={onSelect}
          onCommand={command}
          onThemeActions={(id) => open({ kind: 'themeEdit', id })}
          headingLevel={props.headingLevel === 4 ? 4 : 3}
        />
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>

      {d?.kind === 'note' ? (
        <NoteDialog
          note={dialogNote}
          colourLocked={model.activity.spec.colourBy === 'orgType'}
          onSave={(text, colour) => saveNote(text, colour, d.id, d.at)}
          onClose={close}
        />
      ) : null}
      {d?.kind === 'actions' && dialogNote ? (
        <ActionsDialog
          note={dialogNote}
          selected={selection.has(dialogNote.id)}
          flags={{
            edit: access.write && model.isMine(dialogNote.id),
            move: access.write,
            theme: access.cluster,
            vote: access.vote && model.votesLeft > 0,
            unvote: access.vote && (model.myVotesOn.get(dialogNote.id)?.length ?? 0) > 0,
            remove: access.write && (model.isMine(dialogNote.id) || access.manage),
          }}
          onCommand={(cmd) => {
            const id = dialogNote.id;
            if (cmd === 'delete') {
              close();
              void deleteNote(board.id, id).then((r) => announce(failed(r) ?? t('board.deleted')));
              return;
            }
            if (cmd === 'edit' || cmd === 'move' || cmd === 'theme') {
              setDialog(cmd === 'edit' ? { kind: 'note', id } : { kind: cmd, ids: [id] });
              return;
            }
            close();
            command(cmd, id);
          }}
          onClose={close}
        />
      ) : null}
      {d?.kind === 'move' ? (
        <MoveDialog
          model={model}
          noteIds={d.ids}
          onMove={(target) => void moveTo(target, d.ids)}
          onClose={close}
        />
      ) : null}
      {d?.kind === 'theme' ? (
        <ThemeDialog
          model={model}
          count={d.ids.length}
          onChoose={async (themeId, heading) => {
            if (themeId) {
              const r = await toTheme(board.id, d.ids, themeId);
              const h = model.themes.find((b) => b.theme.id === themeId)?.theme.heading ?? '';
              const problem = failed(r);
              announce(problem ?? t('board.themed', { heading: h }));
              if (!problem) setSelection(new Set());
              return problem;
            }
            const members = d.ids.map((id) => model.position.get(id)).filter((p) => p !== undefined);
            const at = newThemeSpot(taken(new Set(d.ids)), members, canvas.current?.centre() ?? null);
            const r = await createTheme(board.id, heading ?? '', at.x, at.y, d.ids);
            const problem = failed(r);
            announce(problem ?? t('board.themed', { heading: heading ?? '' }));
            if (!problem) setSelection(new Set());
            return problem;
          }}
          onClose={close}
        />
      ) : null}
      {d?.kind === 'themeEdit' ? (
        <ThemeEditDialog
          model={model}
          themeId={d.id}
          onRename={async (heading) => failed(await updateTheme(d.id, { heading }))}
          onMerge={async (intoId) => failed(await mergeTheme(board.id, d.id, intoId))}
          onDissolve={async () => failed(await dissolveTheme(board.id, d.id))}
          onClose={close}
        />
      ) : null}
    </div>
  );
}
