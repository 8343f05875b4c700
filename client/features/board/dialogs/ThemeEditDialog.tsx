import { useId, useState } from 'react';
import { BOARD_LIMITS } from '../../../../shared/domain/board/limits';
import { useT } from '../../../i18n';
import { FieldError } from '../../common/FieldError';
import type { BoardModel } from '../model';
import { Modal, ModalButtons } from './Modal';

/** [BOARD11] A theme's actions: rename, merge into another, dissolve. */
export function ThemeEditDialog(props: {
  model: BoardModel;
  themeId: string;
  onRename(heading: string): Promise<string | null>;
  onMerge(intoId: string): Promise<string | null>;
  onDissolve(): Promise<string | null>;
  onClose(): void;
}) {
  const t = useT();
  const id = useId();
  const box = props.model.themes.find((b) => b.theme.id === props.themeId);
  const others = props.model.themes.filter((b) => b.theme.id !== props.themeId);
  const [heading, setHeading] = useState(box?.theme.heading ?? '');
  const [into, setInto] = useState(others[0]?.theme.id ?? '');
  const [error, setError] = useState('');
  if (!box) return null;
  const run = async (f: () => Promise<string | null>) => {
    const problem = await f();
    if (problem) setError(problem);
    else props.onClose();
  };
  const can = props.model.access.cluster;
  return (
    <Modal title={t('board.themeActions', { heading: box.theme.heading })} onClose={props.onClose}>
      <p className="muted">{t('board.themeCount', { n: box.notes.length })}</p>
      {can ? (
        <>
          <form
            className="modal__section"
            onSubmit={(e) => {
              e.preventDefault();
              if (!heading.trim()) return setError(t('board.themeHeadingMissing'));
              void run(() => props.onRename(heading.trim()));
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-h`}>{t('board.themeHeading')}</label>
              <input
                id={`${id}-h`}
                value={heading}
                maxLength={BOARD_LIMITS.themeHeading}
                onChange={(e) => setHeading(e.target.value)}
                // biome-ignore lint/a11y/noAutofocus: renaming is the first thing offered
                autoFocus
              />
            </div>
            <button type="submit" className="btn">
              {t('board.themeRename')}
            </button>
          </form>
          {others.length > 0 ? (
            <form
              className="modal__section"
              onSubmit={(e) => {
                e.preventDefault();
                void run(() => props.onMerge(into));
              }}
            >
              <div className="field">
                <label htmlFor={`${id}-m`}>{t('board.themeMergeDialog')}</label>
                <select id={`${id}-m`} value={into} onChange={(e) => setInto(e.target.value)}>
                  {others.map((b) => (
                    <option key={b.theme.id} value={b.theme.id}>
                      {b.theme.heading}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="btn">
                {t('board.themeMerge')}
              </button>
            </form>
          ) : null}
          <div className="modal__section">
            <p className="hint">{t('board.themeDissolveHint')}</p>
            <button
              type="button"
              className="btn btn--danger-outline"
              onClick={() => void run(props.onDissolve)}
            >
              {t('board.themeDissolve')}
            </button>
          </div>
        </>
      ) : null}
      <FieldError message={error} />
      <ModalButtons onClose={props.onClose} />
    </Modal>
  );
}
