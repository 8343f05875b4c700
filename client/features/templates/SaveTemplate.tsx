import { type FormEvent, useId, useState } from 'react';
import { newId } from '../../../shared/domain/ids';
import { LIMITS } from '../../../shared/domain/limits';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { CopyField } from '../common/CopyField';
import { FieldError } from '../common/FieldError';
import { rememberTemplate } from './templateStore';

/**
 * [TPL2] Save this meeting's agenda and activities as a template (never answers or names). The
 * template's secret link is shown once and kept in this browser.
 */
export function SaveTemplate({ token }: { token: string }) {
  const t = useT();
  const id = useId();
  const meeting = useAppStore((s) => s.meeting);
  const [title, setTitle] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [link, setLink] = useState('');
  if (!meeting) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const name = (title ?? meeting.title).trim();
    if (!name) return setError(t('tpl.titleMissing'));
    setBusy(true);
    const r = await api.saveTemplate(meeting.id, token, { id: newId(), title: name });
    setBusy(false);
    if (!r.ok) return setError(`${t('common.notSaved')} (${r.message})`);
    setError('');
    rememberTemplate({ ...r.data.template, token: r.data.token });
    setLink(r.data.link);
  };
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('tpl.heading')}</h2>
      <p className="hint">{t('tpl.hint')}</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-t`}>{t('tpl.title')}</label>
          <input
            id={`${id}-t`}
            value={title ?? meeting.title}
            maxLength={LIMITS.templateTitle}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <button type="submit" className="btn" disabled={busy}>
          {t('tpl.save')}
        </button>
      </form>
      <FieldError message={error} />
      {link ? (
        <div role="status">
          <p className="saved-status">{t('tpl.saved')}</p>
          <CopyField label={t('tpl.link')} value={link} hint={t('tpl.linkHint')} />
        </div>
      ) : null}
    </section>
  );
}
