import { type FormEvent, useId, useState } from 'react';
import { newId } from '../../../shared/domain/ids';
import { LIMITS } from '../../../shared/domain/limits';
import type { AgendaItem } from '../../../shared/domain/types';
import { useT } from '../../i18n';
import { send } from '../../send';
import { FieldError } from '../common/FieldError';

/** [AGENDA1][AGENDA2] An agenda item's title and text: a new item (no `item`), or changes to one. */
export function AgendaItemForm({ item, onDone }: { item?: AgendaItem; onDone: () => void }) {
  const t = useT();
  const id = useId();
  const [title, setTitle] = useState(item?.title ?? '');
  const [body, setBody] = useState(item?.body ?? '');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError(t('agenda.titleMissing'));
    const r = item
      ? await send('agenda:update', { id: item.id, title: title.trim(), body })
      : await send('agenda:add', { id: newId(), title: title.trim(), body });
    if (!r.ok) return setError(`${t('common.notSaved')} (${r.message})`);
    setTitle('');
    setBody('');
    setError('');
    onDone();
  };
  return (
    <form
      className="agenda-form"
      onSubmit={submit}
      noValidate
      aria-label={item ? t('agenda.editItem') : t('agenda.addItem')}
    >
      <div className="field">
        <label htmlFor={`${id}-t`}>{t('agenda.itemTitle')}</label>
        <input
          id={`${id}-t`}
          value={title}
          maxLength={LIMITS.agendaTitle}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={error && !title.trim() ? true : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-b`}>{t('agenda.itemBody')}</label>
        <textarea
          id={`${id}-b`}
          value={body}
          rows={2}
          maxLength={LIMITS.agendaBody}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <FieldError message={error} />
      <div className="row">
        <button type="submit" className="btn btn--primary">
          {item ? t('common.save') : t('agenda.addButton')}
        </button>
        {item ? (
          <button type="button" className="btn btn--quiet" onClick={onDone}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** "Agendapunt toevoegen", folded away until it is wanted. */
export function AddAgendaItem() {
  const t = useT();
  return (
    <details className="add-item">
      <summary>{t('agenda.addItem')}</summary>
      <AgendaItemForm onDone={() => {}} />
    </details>
  );
}
