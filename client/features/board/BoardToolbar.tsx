import { useT } from '../../i18n';
import type { BoardModel } from './model';
import type { BoardViewMode } from './useBoardView';
import type { NoteCommand } from './useNoteGestures';

/**
 * [BOARD17] A board's toolbar (add, themes, what to do with the selection, board or list view)
 * and its keyboard shortcuts.
 */
export function BoardToolbar(props: {
  model: BoardModel;
  selection: ReadonlySet<string>;
  view: BoardViewMode;
  setView(v: BoardViewMode): void;
  command(cmd: NoteCommand, noteId: string | null): void;
  themeDialog(): void;
  clearSelection(): void;
}) {
  const t = useT();
  const { access } = props.model;
  const { selection, view, setView, command } = props;
  return (
    <>
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
          <button type="button" className="btn" onClick={props.themeDialog}>
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
            <button type="button" className="btn btn--quiet" onClick={props.clearSelection}>
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
    </>
  );
}
