import { useId, useState } from 'react';
import { useT } from '../../i18n';

/** A read-only value with a label, a hint and a copy button that says when it copied. */
export function CopyField(props: { label: string; value: string; hint?: string }) {
  const t = useT();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <div className="copy-field__row">
        <input
          id={id}
          readOnly
          value={props.value}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
        />
        <button type="button" className="btn" onClick={copy}>
          {t('common.copy')}
        </button>
      </div>
      <p className="copy-field__status" role="status">
        {copied ? t('common.copied') : ''}
      </p>
    </div>
  );
}
