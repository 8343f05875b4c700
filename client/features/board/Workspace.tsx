import { type ReactNode, useId, useRef, useState } from 'react';
import type { BoardView } from '../../../shared/domain/board/types';
import { useT } from '../../i18n';
import { BoardPanel } from './Board';
import { Modal } from './dialogs/Modal';

/**
 * The boards of one room (or of the synthesis): one tab per question, only the chosen board is
 * loaded and subscribed. Tabs follow the ARIA tabs pattern (arrow keys, Home, End).
 */
export function Workspace(props: { boards: BoardView[]; fullscreen?: boolean; headingLevel?: 3 | 4 }) {
  const t = useT();
  const id = useId();
  const boards = [...props.boards].sort((a, b) => a.questionIndex - b.questionIndex);
  const [index, setIndex] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = boards[Math.min(index, boards.length - 1)];
  if (!current) return null;
  if (boards.length === 1) {
    return (
      <BoardPanel
        key={current.id}
        boardId={current.id}
        fullscreen={props.fullscreen}
        headingLevel={props.headingLevel}
      />
    );
  }
  const go = (i: number) => {
    const n = (i + boards.length) % boards.length;
    setIndex(n);
    requestAnimationFrame(() => tabs.current[n]?.focus());
  };
  return (
    <div className="workspace">
      <div className="tabs" role="tablist" aria-label={t('board.questionTabs')}>
        {boards.map((b, i) => (
          <button
            key={b.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${i}`}
            aria-selected={b.id === current.id}
            aria-controls={`${id}-panel`}
            tabIndex={b.id === current.id ? 0 : -1}
            className="tab"
            // [A11Y2] One name, read once: "Vraag 1: …" (no title, which would repeat the question).
            aria-label={t('board.questionTab', { n: i + 1, q: b.question })}
            onClick={() => setIndex(i)}
            onKeyDown={(e) => {
              const keys: Record<string, number> = {
                ArrowRight: i + 1,
                ArrowLeft: i - 1,
                Home: 0,
                End: boards.length - 1,
              };
              if (keys[e.key] !== undefined) {
                e.preventDefault();
                go(keys[e.key]!);
              }
            }}
          >
            <span className="tab__long">
              {i + 1}. {b.question.length > 42 ? `${b.question.slice(0, 40)}…` : b.question}
            </span>
            <span className="tab__short">{t('breakout.questionN', { n: i + 1 })}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${boards.indexOf(current)}`}>
        <BoardPanel
          key={current.id}
          boardId={current.id}
          fullscreen={props.fullscreen}
          headingLevel={props.headingLevel}
        />
      </div>
    </div>
  );
}

/**
 * A room's boards over the whole screen (a modal dialog: the page behind is inert). With `aside`
 * (a room's chat and timer) beside the boards on a wide screen, below them on a narrow one, where
 * it starts folded so the board keeps the height.
 */
export function FullscreenWorkspace(props: {
  title: string;
  boards: BoardView[];
  onClose(): void;
  aside?: ReactNode;
  asideTitle?: string;
}) {
  const t = useT();
  const [wide] = useState(() => window.matchMedia?.('(min-width: 60rem)').matches ?? true);
  return (
    <Modal title={props.title} onClose={props.onClose} wide>
      <button type="button" className="btn modal__close" onClick={props.onClose}>
        {t('breakout.close')}
      </button>
      {props.aside ? (
        <div className="fullscreen-split">
          <div className="fullscreen-split__main">
            <Workspace boards={props.boards} fullscreen headingLevel={3} />
          </div>
          <details className="fullscreen-split__side" open={wide}>
            <summary>{props.asideTitle}</summary>
            {props.aside}
          </details>
        </div>
      ) : (
        <Workspace boards={props.boards} fullscreen headingLevel={3} />
      )}
    </Modal>
  );
}
