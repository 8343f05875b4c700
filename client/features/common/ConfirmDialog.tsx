import { type ReactNode, useEffect, useId, useRef } from 'react';

export interface ConfirmChoice {
  label: string;
  /** What this choice does; the dialog closes first. */
  run(): void;
  kind?: 'primary' | 'danger' | 'quiet';
}

/**
 * A question with a few answers, as a modal native <dialog>: the page behind is inert, the first
 * choice has the focus (Enter picks it: the default), Tab moves between the choices, Escape
 * cancels, and the focus goes back to what had it before (the button that asked). Its own small
 * component so the flow bar can ask without loading the board's dialogs.
 */
export function ConfirmDialog(props: {
  title: string;
  children?: ReactNode;
  choices: ConfirmChoice[];
  cancelLabel: string;
  onCancel(): void;
}) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = ref.current;
    if (d && !d.open) d.showModal();
    first.current?.focus();
    return () => {
      d?.close();
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-h`}
      aria-describedby={props.children ? `${id}-d` : undefined}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={`${id}-h`} className="confirm-dialog__title">
        {props.title}
      </h2>
      {props.children ? (
        <div id={`${id}-d`} className="confirm-dialog__body">
          {props.children}
        </div>
      ) : null}
      <div className="row confirm-dialog__choices">
        {props.choices.map((c, i) => (
          <button
            key={c.label}
            ref={i === 0 ? first : undefined}
            type="button"
            className={`btn${c.kind ? ` btn--${c.kind}` : ''}`}
            onClick={c.run}
          >
            {c.label}
          </button>
        ))}
        <button type="button" className="btn btn--quiet" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
