import { useId } from 'react';
import { useT } from '../../i18n';

/**
 * An editable list of short texts (statements, options): add, remove, and move with buttons; focus
 * follows the item that moved or was added.
 */
export function TextListEditor(props: {
  legend: string;
  hint?: string;
  items: string[];
  onChange: (items: string[]) => void;
  itemLabel: (n: number) => string;
  addLabel: string;
  min: number;
  max: number;
  maxLength: number;
}) {
  const t = useT();
  const id = useId();
  const { items, onChange } = props;
  const focus = (i: number) => requestAnimationFrame(() => document.getElementById(`${id}-${i}`)?.focus());
  const move = (i: number, to: number) => {
    const next = [...items];
    const [x] = next.splice(i, 1);
    next.splice(to, 0, x!);
    onChange(next);
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLButtonElement>(
          `[data-list="${id}"][data-at="${to}"][data-dir="${to < i ? 'up' : 'down'}"]:not(:disabled)`,
        )
        ?.focus(),
    );
  };
  return (
    <fieldset className="list-editor">
      <legend>{props.legend}</legend>
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      <ol>
        {items.map((value, i) => (
          <li key={i} className="row">
            <label htmlFor={`${id}-${i}`} className="visually-hidden">
              {props.itemLabel(i + 1)}
            </label>
            <input
              id={`${id}-${i}`}
              value={value}
              maxLength={props.maxLength}
              onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))}
            />
            <button
              type="button"
              className="btn btn--icon"
              data-list={id}
              data-at={i}
              data-dir="up"
              disabled={i === 0}
              onClick={() => move(i, i - 1)}
              aria-label={t('toolkit.moveUp', { what: props.itemLabel(i + 1) })}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn--icon"
              data-list={id}
              data-at={i}
              data-dir="down"
              disabled={i === items.length - 1}
              onClick={() => move(i, i + 1)}
              aria-label={t('toolkit.moveDown', { what: props.itemLabel(i + 1) })}
            >
              ↓
            </button>
            <button
              type="button"
              className="btn btn--quiet"
              disabled={items.length <= props.min}
              onClick={() => {
                onChange(items.filter((_, j) => j !== i));
                focus(Math.max(0, i - 1));
              }}
              aria-label={t('toolkit.removeItem', { what: props.itemLabel(i + 1) })}
            >
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="btn"
        disabled={items.length >= props.max}
        onClick={() => {
          onChange([...items, '']);
          focus(items.length);
        }}
      >
        {props.addLabel}
      </button>
    </fieldset>
  );
}
