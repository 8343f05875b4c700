import { useId, useState } from 'react';
import { useT } from '../../i18n';
import { CopyField } from './CopyField';

/**
 * [MEET10] A secret link, hidden until asked for ("Toon"): a facilitator often shares their
 * screen, and whoever reads the link gets its power.
 */
export function SecretLinkField(props: { label: string; value: string; hint: string }) {
  const t = useT();
  const id = useId();
  const [shown, setShown] = useState(false);
  const what = props.label.charAt(0).toLowerCase() + props.label.slice(1);
  return (
    <div className="secret-link">
      {shown ? (
        <div id={id}>
          <CopyField label={props.label} value={props.value} hint={props.hint} />
        </div>
      ) : (
        <>
          <p className="secret-link__label">{props.label}</p>
          <p className="hint">
            {props.hint} {t('links.hiddenHint')}
          </p>
        </>
      )}
      <button
        type="button"
        className="btn btn--small"
        aria-expanded={shown}
        aria-controls={shown ? id : undefined}
        aria-label={shown ? t('links.hideWhat', { what }) : t('links.showWhat', { what })}
        onClick={() => setShown(!shown)}
      >
        {shown ? t('links.hide') : t('links.show')}
      </button>
    </div>
  );
}
