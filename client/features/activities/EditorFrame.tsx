import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { newId } from '../../../shared/domain/ids';
import type { ActivityView } from '../../../shared/domain/types';
import type { ActivitySpec } from '../../../shared/protocol/schemas/activity';
import { useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import { FieldError } from '../common/FieldError';

/**
 * The frame every activity editor shares: its own fields (children), then anonymity and the agenda
 * item, then save. `build` returns the spec, or a message saying what is missing.
 */
export function EditorFrame(props: {
  heading: string;
  createLabel: string;
  existing?: ActivityView;
  agendaItemId: string | null;
  /** With the id of the saved activity; without it after "Annuleren". */
  onDone: (savedId?: string) => void;
  build: () => ActivitySpec | string;
  /** The anonymity checkbox's label, when this kind says it its own way. */
  anonymousLabel?: string;
  /** What a refused change (`conflict`) is said as; by default: it has answers already. */
  sayConflict?: (message: string) => string;
  children: ReactNode;
}) {
  const t = useT();
  const id = useId();
  const agenda = useAppStore((s) => s.agenda);
  const ex = props.existing;
  const [anonymous, setAnonymous] = useState(ex?.anonymous ?? false);
  const [itemId, setItemId] = useState<string>(ex?.agendaItemId ?? props.agendaItemId ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const spec = props.build();
    if (typeof spec === 'string') return setError(spec);
    setBusy(true);
    setError('');
    const created = newId();
    const r = ex
      ? await send('activity:update', {
          id: ex.id,
          spec,
          agendaItemId: itemId || null,
          ...(ex.status === 'draft' ? { anonymous } : {}),
        })
      : await send('activity:create', { id: created, agendaItemId: itemId || null, anonymous, spec });
    setBusy(false);
    if (r.ok) props.onDone(ex?.id ?? created);
    else if (r.error === 'conflict') setError(props.sayConflict?.(r.message) ?? t('editor.hasAnswers'));
    else setError(`${t('common.notSaved')} (${r.message})`);
  };

  return (
    <form className="editor card card--inset" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{props.heading}</h4>
      {props.children}
      <div className="field field--check">
        <input
          id={`${id}-anon`}
          type="checkbox"
          checked={anonymous}
          disabled={ex !== undefined && ex.status !== 'draft'}
          onChange={(e) => setAnonymous(e.target.checked)}
        />
        <label htmlFor={`${id}-anon`}>{props.anonymousLabel ?? t('editor.anonymous')}</label>
      </div>
      <div className="field">
        <label htmlFor={`${id}-item`}>{t('editor.agendaItem')}</label>
        <select id={`${id}-item`} value={itemId} onChange={(e) => setItemId(e.target.value)}>
          <option value="">{t('editor.noItem')}</option>
          {agenda.map((a, i) => (
            <option key={a.id} value={a.id}>
              {i + 1}. {a.title}
            </option>
          ))}
        </select>
      </div>
      <FieldError message={error} />
      <div className="row">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {ex ? t('common.save') : props.createLabel}
        </button>
        <button type="button" className="btn btn--quiet" onClick={() => props.onDone()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

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
