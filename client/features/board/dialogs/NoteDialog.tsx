import { type FormEvent, useId, useState } from 'react';
import { BOARD_LIMITS } from '../../../../shared/domain/board/limits';
import { COLOUR_HEX, NOTE_COLOURS, type NoteColour } from '../../../../shared/domain/board/palette';
import { useT } from '../../../i18n';
import { FieldError } from '../../common/FieldError';
import type { DrawnNote } from '../model';
import { Modal, ModalButtons } from './Modal';

/** [BOARD6] Write or change a post-it: text (≤ 500) and a named colour. */
export function NoteDialog(props: {
  note?: DrawnNote;
  colourLocked: boolean;
  onSave(text: string, colour: NoteColour): Promise<string | null>;
  onClose(): void;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(props.note?.text ?? '');
  const [colour, setColour] = useState<NoteColour>(props.note?.colour ?? 'geel');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError(t('board.noteTextMissing'));
    setBusy(true);
    const problem = await props.onSave(text.trim(), colour);
    setBusy(false);
    if (problem) setError(problem);
    else props.onClose();
  };
  return (
    <Modal title={props.note ? t('board.noteDialogEdit') : t('board.noteDialogNew')} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-t`}>{t('board.noteText')}</label>
          <textarea
            id={`${id}-t`}
            rows={5}
            value={text}
            maxLength={BOARD_LIMITS.noteText}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // Ctrl/⌘+Enter saves, as in most editors; Enter alone is a new line.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e as unknown as FormEvent);
            }}
            aria-describedby={`${id}-c`}
            aria-invalid={error ? true : undefined}
            // biome-ignore lint/a11y/noAutofocus: the dialog opens to write a post-it
            autoFocus
          />
          <p className="hint" id={`${id}-c`}>
            {t('common.charsLeft', { n: BOARD_LIMITS.noteText - text.length })}
          </p>
        </div>
        {props.colourLocked ? (
          <p className="hint">{t('board.colourByOrg')}</p>
        ) : (
          <fieldset className="swatches">
            <legend>{t('board.colour')}</legend>
            {NOTE_COLOURS.map((c) => (
              <span className="swatch" key={c}>
                <input
                  type="radio"
                  id={`${id}-${c}`}
                  name={`${id}-colour`}
                  checked={colour === c}
                  onChange={() => setColour(c)}
                />
                <label htmlFor={`${id}-${c}`}>
                  <span className="swatch__chip" style={{ background: COLOUR_HEX[c] }} aria-hidden="true" />
                  {t(`board.colour.${c}`)}
                </label>
              </span>
            ))}
          </fieldset>
        )}
        <FieldError message={error} />
        <ModalButtons submit={t('common.save')} busy={busy} onClose={props.onClose} />
      </form>
    </Modal>
  );
}
