import { type FormEvent, useEffect, useId, useState } from 'react';
import { formatDate } from '../../../shared/domain/dates';
import { formatCode } from '../../../shared/domain/ids';
import { LIMITS } from '../../../shared/domain/limits';
import { ORG_TYPES } from '../../../shared/domain/roles';
import { api } from '../../api';
import { saveParticipantCredentials } from '../../credentials';
import { useLang, useT } from '../../i18n';
import { navigate } from '../../router';
import { FieldError } from '../common/FieldError';
import { focusMainNext } from '../common/focus';
import { Layout } from '../common/Layout';
import { Notice } from '../common/Notice';
import { orgLabel } from './orgLabel';

/** Joining takes one field: a display name. The organisation type is optional. */
export function JoinForm({ code, onJoined }: { code: string; onJoined: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const id = useId();
  const [info, setInfo] = useState<{ title: string; date: string | null } | 'missing' | null>(null);
  const [name, setName] = useState('');
  const [org, setOrg] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.meetingByCode(code).then((r) => {
      if (r.ok) {
        setInfo(r.data);
        document.title = `${r.data.title} — Oogst`;
      } else setInfo('missing');
    });
  }, [code]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(t('join.nameMissing'));
      return;
    }
    setBusy(true);
    setError('');
    const r = await api.join({ code, name: name.trim(), orgType: org || null });
    setBusy(false);
    if (!r.ok) {
      setError(r.error === 'network' ? t('common.networkError') : `${t('join.failed')} (${r.message})`);
      return;
    }
    saveParticipantCredentials(code, {
      token: r.data.token,
      participantId: r.data.participant.id,
      name: r.data.participant.name,
    });
    // [A11Y1] The form goes away: the meeting's page takes focus, not <body>.
    focusMainNext();
    onJoined();
  };

  if (info === 'missing') {
    return (
      <Layout>
        <div className="page page--narrow">
          <h1>{t('join.notFoundHeading')}</h1>
          <Notice kind="error">{t('join.notFound', { code: formatCode(code) })}</Notice>
          <p>
            <a
              href="/"
              onClick={(e) => {
                e.preventDefault();
                navigate('/');
              }}
            >
              {t('join.tryAgain')}
            </a>
          </p>
        </div>
      </Layout>
    );
  }

  return (
    <Layout>
      <div className="page page--narrow">
        <h1>{info ? info.title : t('join.heading')}</h1>
        {info?.date ? <p className="lead">{formatDate(info.date, lang)}</p> : null}
        <section className="card" aria-labelledby={`${id}-h`}>
          <h2 id={`${id}-h`}>{t('join.heading')}</h2>
          <form onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor={`${id}-name`}>{t('join.nameLabel')}</label>
              <p className="hint" id={`${id}-name-hint`}>
                {t('join.nameHint')}
              </p>
              <input
                id={`${id}-name`}
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={LIMITS.name}
                autoComplete="nickname"
                required
                aria-describedby={`${id}-name-hint`}
                aria-invalid={error && !name.trim() ? true : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-org`}>{t('join.orgLabel')}</label>
              <select id={`${id}-org`} value={org} onChange={(e) => setOrg(e.target.value)}>
                <option value="">{t('join.orgNone')}</option>
                {ORG_TYPES.map((o) => (
                  <option key={o} value={o}>
                    {orgLabel(t, o)}
                  </option>
                ))}
              </select>
            </div>
            <FieldError message={error} />
            <button type="submit" className="btn btn--primary" disabled={busy || info === null}>
              {busy ? t('common.busy') : t('join.button')}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  );
}
