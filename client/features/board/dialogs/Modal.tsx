import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../../../i18n';
import { useReturnFocus } from '../../common/focus';

/**
 * A modal built on the native <dialog>: the rest of the page is inert while it is open, Escape
 * closes it, and focus goes back to the control that opened it (a caller may put it elsewhere first).
 */
export function Modal(props: { title: string; onClose(): void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  // [A11Y1] Closing gives focus back to the control that opened the dialog.
  useReturnFocus();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={props.wide ? 'modal modal--wide' : 'modal'}
      aria-labelledby={`${id}-h`}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={`${id}-h`} className="modal__title">
        {props.title}
      </h2>
      {props.children}
    </dialog>
  );
}

/** A dialog's last row: its form's own button (`submit`) and "Annuleren"; without one, "Sluiten". */
export function ModalButtons(props: { submit?: string; busy?: boolean; onClose(): void }) {
  const t = useT();
  return (
    <div className="row">
      {props.submit ? (
        <button type="submit" className="btn btn--primary" disabled={props.busy}>
          {props.submit}
        </button>
      ) : null}
      <button type="button" className="btn btn--quiet" onClick={props.onClose}>
        {props.submit ? t('common.cancel') : t('breakout.close')}
      </button>
    </div>
  );
}
