import { type FormEvent, useId, useState } from 'react';
import { BOARD_LIMITS } from '../../../../shared/domain/board/limits';
import { useT } from '../../../i18n';
import { FieldError } from '../../common/FieldError';
import type { BoardModel } from '../model';
import { Modal, ModalButtons } from './Modal';

/** [BOARD11] "Naar thema…": put the selected post-its in a theme, or in a new one. */
export function ThemeDialog(props: {
  model: BoardModel;
  count: number;
  onChoose(themeId: string | null, newHeading: string | null): Promise<string | null>;
  onClose(): void;
}) {
  const t = useT();
  const id = useId();
  const themes = props.model.themes;
  const [choice, setChoice] = useState<string>(themes[0]?.theme.id ?? 'new');
  const [heading, setHeading] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (choice === 'new' && !heading.trim()) return setError(t('board.themeHeadingMissing'));
    const problem = await props.onChoose(
      choice === 'new' ? null : choice,
      choice === 'new' ? heading.trim() : null,
    );
    if (problem) setError(problem);
    else props.onClose();
  };
  return (
    <Modal
      title={`${t('board.themeDialog')} (${t('board.selected', { n: props.count })})`}
      onClose={props.onClose}
    >
      <form onSubmit={submit} noValidate>
        <fieldset className="choice-list">
          <legend>{t('board.themeDialog')}</legend>
          {themes.map((b, i) => (
            <div className="field field--check" key={b.theme.id}>
              <input
                type="radio"
                id={`${id}-${b.theme.id}`}
                name={`${id}-theme`}
                checked={choice === b.theme.id}
                onChange={() => setChoice(b.theme.id)}
                // biome-ignore lint/a11y/noAutofocus: first choice of the dialog
                autoFocus={i === 0}
              />
              <label htmlFor={`${id}-${b.theme.id}`}>{b.theme.heading}</label>
            </div>
          ))}
          <div className="field field--check">
            <input
              type="radio"
              id={`${id}-new`}
              name={`${id}-theme`}
              checked={choice === 'new'}
              onChange={() => setChoice('new')}
              // biome-ignore lint/a11y/noAutofocus: the only choice when there are no themes
              autoFocus={themes.length === 0}
            />
            <label htmlFor={`${id}-new`}>{t('board.newTheme')}</label>
          </div>
        </fieldset>
        {choice === 'new' ? (
          <div className="field">
            <label htmlFor={`${id}-h`}>{t('board.themeHeading')}</label>
            <input
              id={`${id}-h`}
              value={heading}
              maxLength={BOARD_LIMITS.themeHeading}
              onChange={(e) => setHeading(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </div>
        ) : null}
        <FieldError message={error} />
        <ModalButtons submit={t('board.apply')} onClose={props.onClose} />
      </form>
    </Modal>
  );
}
