import { type ReactNode, useId, useState } from 'react';
import { useT } from '../../i18n';
import { focusWhenReady } from './focus';

/**
 * "Verwijderen", asked again before it is done: "Ja, verwijderen" and "Annuleren" take its place.
 * [A11Y1] Focus goes to the button that replaces the one just used, never to <body>.
 */
export function ConfirmRemove(props: {
  /** The question, shown and naming the two buttons' group; without it, only the buttons. */
  question?: string;
  /** Said after "Verwijderen" to screen readers: what it removes. */
  what?: string;
  onRemove(): void;
}) {
  const t = useT();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const focusById = (suffix: string) => focusWhenReady(() => document.getElementById(`${id}-${suffix}`));
  if (!asking) {
    return (
      <button
        type="button"
        id={`${id}-remove`}
        className="btn btn--quiet"
        onClick={() => {
          setAsking(true);
          focusById('keep');
        }}
      >
        {t('common.remove')}
        {props.what ? <span className="visually-hidden"> {props.what}</span> : null}
      </button>
    );
  }
  const buttons: ReactNode = (
    <>
      <button type="button" className="btn btn--danger" onClick={props.onRemove}>
        {t('common.yesRemove')}
      </button>
      <button
        type="button"
        id={`${id}-keep`}
        className="btn btn--quiet"
        onClick={() => {
          setAsking(false);
          focusById('remove');
        }}
      >
        {t('common.cancel')}
      </button>
    </>
  );
  return props.question ? (
    <span className="confirm" role="group" aria-label={props.question}>
      <span>{props.question}</span>
      {buttons}
    </span>
  ) : (
    buttons
  );
}
