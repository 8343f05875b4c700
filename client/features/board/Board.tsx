import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLang, useT } from '../../i18n';
import { useAppStore } from '../../store';
import { BoardCanvas, type CanvasHandle } from './BoardCanvas';
import { BoardControls } from './BoardControls';
import { BoardDialogs } from './BoardDialogs';
import { BoardHead } from './BoardHead';
import { BoardList } from './BoardList';
import { BoardToolbar } from './BoardToolbar';
import { type BoardDialog, boardCommands } from './boardCommands';
import { useBoardModel, useWatchBoard } from './model';
import { useBoardView } from './useBoardView';
import type { ThemeDrag } from './useNoteGestures';
import { VotingBar } from './VotingBar';

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
  const [themeDrag, setThemeDrag] = useState<ThemeDrag | null>(null);
  const model = useBoardModel(props.boardId, themeDrag);
  const me = useAppStore((s) => s.me);
  const [view, setView] = useBoardView();
  const [selection, setSelection] = useState<Set<string>>(() => new Set());
  const [dialog, setDialog] = useState<BoardDialog | null>(null);
  const [status, setStatus] = useState('');
  // [A11Y3] A confirmation in the old language is not left behind when the language changes.
  const lang = useLang((s) => s.lang);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the language changes
  useEffect(() => setStatus(''), [lang]);
  const canvas = useRef<CanvasHandle | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const announce = useCallback((msg: string) => {
    // Clear first so the same message twice is read twice.
    setStatus('');
    requestAnimationFrame(() => setStatus(msg));
  }, []);
  const open = (d: BoardDialog) => {
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
  const clearSelection = () => setSelection(new Set());
  const commands = boardCommands({
    model,
    t,
    me,
    selection,
    announce,
    open,
    onSelect,
    clearSelection,
    canvas,
  });
  const { command } = commands;
  const themeActions = (id: string) => open({ kind: 'themeEdit', id });
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
      <BoardHead model={model} headingLevel={props.headingLevel} />
      {access.manage ? <BoardControls model={model} /> : null}
      {board.voting.open && access.vote ? (
        <VotingBar left={model.votesLeft} limit={board.voting.limit} revealed={board.voting.revealed} />
      ) : null}
      <BoardToolbar
        model={model}
        selection={selection}
        view={view}
        setView={setView}
        command={command}
        themeDialog={() => open({ kind: 'theme', ids: [...selection] })}
        clearSelection={clearSelection}
      />
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
            onThemeActions={themeActions}
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
          onThemeActions={themeActions}
          headingLevel={props.headingLevel === 4 ? 4 : 3}
        />
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>

      <BoardDialogs
        dialog={dialog}
        model={model}
        selection={selection}
        commands={commands}
        announce={announce}
        replace={setDialog}
        onClose={close}
      />
    </div>
  );
}
