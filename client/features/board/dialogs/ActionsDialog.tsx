import { useState } from 'react';
import { useT } from '../../../i18n';
import type { DrawnNote } from '../model';
import { Modal, ModalButtons } from './Modal';

export interface NoteActionFlags {
  edit: boolean;
  move: boolean;
  theme: boolean;
  vote: boolean;
  unvote: boolean;
  remove: boolean;
}

/** [BOARD17] Every action on one post-it, as buttons: what a drag or a shortcut does, without either. */
export function ActionsDialog(props: {
  note: DrawnNote;
  flags: NoteActionFlags;
  selected: boolean;
  onCommand(cmd: 'edit' | 'move' | 'theme' | 'vote' | 'unvote' | 'delete' | 'select'): void;
  onClose(): void;
}) {
  const t = useT();
  const [confirm, setConfirm] = useState(false);
  const f = props.flags;
  const b = (show: boolean, cmd: Parameters<typeof props.onCommand>[0], label: string, first = false) =>
    show ? (
      <button
        type="button"
        className="btn"
        onClick={() => props.onCommand(cmd)}
        // biome-ignore lint/a11y/noAutofocus: first action of the dialog
        autoFocus={first}
      >
        {label}
      </button>
    ) : null;
  return (
    <Modal title={t('board.actionsFor', { text: props.note.text.slice(0, 60) })} onClose={props.onClose}>
      <p className="modal__quote">{props.note.text}</p>
      <div className="action-list">
        {b(f.edit, 'edit', t('board.edit'), f.edit)}
        {b(f.move, 'move', t('board.moveTo'), !f.edit && f.move)}
        {b(f.theme, 'theme', t('board.toTheme'))}
        {b(f.vote, 'vote', t('board.vote'))}
        {b(f.unvote, 'unvote', t('board.unvote'))}
        {b(
          true,
          'select',
          props.selected ? t('board.clearSelection') : t('board.select'),
          !f.edit && !f.move,
        )}
        {f.remove && !confirm ? (
          <button type="button" className="btn btn--danger-outline" onClick={() => setConfirm(true)}>
            {t('board.delete')}
          </button>
        ) : null}
      </div>
      {confirm ? (
        <div className="confirm" role="group" aria-label={t('board.confirmDelete')}>
          <span>{t('board.confirmDelete')}</span>
          <button
            type="button"
            className="btn btn--danger"
            onClick={() => props.onCommand('delete')}
            // biome-ignore lint/a11y/noAutofocus: the confirmation's own button
            autoFocus
          >
            {t('common.yesRemove')}
          </button>
          <button type="button" className="btn btn--quiet" onClick={() => setConfirm(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
      <ModalButtons onClose={props.onClose} />
    </Modal>
  );
}
