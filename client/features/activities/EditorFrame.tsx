import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { newId } from '../../../shared/domain/ids';
import type { ActivitySpec } from '../../../shared/protocol/schemas/activity';
import { useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import { FieldError } from '../common/FieldError';
import type { EditorProps } from './kindProps';

/**
 * The frame every activity editor shares: its own fields (children), then anonymity and the agenda
 * item, then save. `build` returns the spec, or a message saying what is missing.
 */
export function EditorFrame(
  props: EditorProps & {
    heading: string;
    createLabel: string;
    build: () => ActivitySpec | string;
    /** The anonymity checkbox's label, when this kind says it its own way. */
    anonymousLabel?: string;
    /** What a refused change (`conflict`) is said as; by default: it has answers already. */
    sayConflict?: (message: string) => string;
    children: ReactNode;
  },
) {
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
