import { type FormEvent, useEffect, useId, useState } from 'react';
import { formatDate } from '../../../shared/domain/dates';
import { formatCode, normaliseCode } from '../../../shared/domain/ids';
import { LIMITS } from '../../../shared/domain/limits';
import { api, type CreatedMeeting } from '../../api';
import { recentMeetings, rememberMeeting, saveStaffToken } from '../../credentials';
import { useLang, useT } from '../../i18n';
import { navigate } from '../../router';
import { CopyField } from '../common/CopyField';
import { FieldError } from '../common/FieldError';
import { Layout } from '../common/Layout';
import { downloadText, linksFilename, linksText } from '../common/linksFile';
import { Notice } from '../common/Notice';
import { TemplatePicker } from '../templates/TemplatePicker';
import type { KnownTemplate } from '../templates/templateStore';

/** The start page: join with a code, or create a meeting and get its three links. */
export function StartPage() {
  const t = useT();
  useEffect(() => {
    document.title = 'Oogst';
  }, []);
  return (
    <Layout>
      <div className="page page--narrow">
        <h1>{t('start.heading')}</h1>
        <p className="lead">{t('start.lead')}</p>
        <JoinByCode />
        <CreateMeeting />
        <RecentMeetings />
      </div>
    </Layout>
  );
}

function JoinByCode() {
  const t = useT();
  const id = useId();
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = normaliseCode(code);
    if (c.length < 4) {
      setError(t('start.codeMissing'));
      return;
    }
    navigate(`/m/${c}`);
  };
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('start.joinHeading')}</h2>
      <form onSubmit={submit} noValidate>
        <label htmlFor={`${id}-code`}>{t('start.codeLabel')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('start.codeHint')}
        </p>
        <div className="row">
          <input
            id={`${id}-code`}
            className="input--code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={12}
            aria-describedby={`${id}-hint${error ? ` ${id}-err` : ''}`}
            aria-invalid={error ? true : undefined}
          />
          <button type="submit" className="btn btn--primary">
            {t('start.joinButton')}
          </button>
        </div>
        {error ? (
          <p className="field-error" id={`${id}-err`} role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}

function CreateMeeting() {
  const t = useT();
  const id = useId();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [adminToken, setAdminToken] = useState('');
  const [adminRequired, setAdminRequired] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [created, setCreated] = useState<CreatedMeeting | null>(null);
  const [template, setTemplate] = useState<KnownTemplate | null>(null);

  useEffect(() => {
    void api.config().then((r) => r.ok && setAdminRequired(r.data.adminRequired));
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setError(t('start.titleMissing'));
      return;
    }
    setBusy(true);
    setError('');
    const r = await api.createMeeting(
      {
        title: title.trim(),
        date: date || null,
        ...(template
          ? { template: { id: template.id, ...(template.token ? { token: template.token } : {}) } }
          : {}),
      },
      adminToken,
    );
    setBusy(false);
    if (!r.ok) {
      setError(
        r.error === 'unauthorized' || r.error === 'forbidden'
          ? t('start.adminWrong')
          : r.error === 'network'
            ? t('common.networkError')
            : `${t('start.createFailed')} (${r.message})`,
      );
      return;
    }
    saveStaffToken(r.data.code, 'facilitator', r.data.facilitatorToken);
    saveStaffToken(r.data.code, 'secretary', r.data.secretaryToken);
    rememberMeeting({ code: r.data.code, title: r.data.title, date: r.data.date, role: 'facilitator' });
    setCreated(r.data);
  };

  if (created) return <Created meeting={created} />;

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('start.createHeading')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('start.titleLabel')}</label>
          <input
            id={`${id}-title`}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={LIMITS.meetingTitle}
            required
            aria-invalid={error && !title.trim() ? true : undefined}
            placeholder={t('start.titlePlaceholder')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('start.dateLabel')}</label>
          <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        {adminRequired ? (
          <div className="field">
            <label htmlFor={`${id}-admin`}>{t('start.adminLabel')}</label>
            <p className="hint" id={`${id}-admin-hint`}>
              {t('start.adminHint')}
            </p>
            <input
              id={`${id}-admin`}
              type="password"
              value={adminToken}
              onChange={(e) => setAdminToken(e.target.value)}
              aria-describedby={`${id}-admin-hint`}
              autoComplete="off"
            />
          </div>
        ) : null}
        <TemplatePicker
          value={template}
          onChange={setTemplate}
          adminToken={adminToken}
          adminRequired={adminRequired}
        />
        <FieldError message={error} />
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('common.busy') : t('start.createButton')}
        </button>
      </form>
    </section>
  );
}

/**
 * [MEET10] The meeting is made: its code and links, with a plain warning to keep the facilitator's
 * link (shown here once; the console shows it again only in a browser that has it), a copy button
 * per link and the links as a small text file to keep.
 */
function Created({ meeting }: { meeting: CreatedMeeting }) {
  const t = useT();
  const { lang } = useLang();
  const save = () =>
    downloadText(
      linksFilename(meeting.code),
      linksText({ title: meeting.title, code: meeting.code, ...meeting.links }),
    );
  return (
    <section className="card card--success" aria-labelledby="created-h">
      <h2 id="created-h" tabIndex={-1} ref={(el) => el?.focus()}>
        {t('start.createdHeading')}
      </h2>
      <p>
        <strong dir="auto">{meeting.title}</strong>
        {meeting.date ? ` — ${formatDate(meeting.date, lang)}` : ''}
      </p>
      <p className="join-code-line">
        {t('start.codeIs')} <span className="join-code">{formatCode(meeting.code)}</span>
      </p>
      <Notice kind="info">
        <p>
          <strong>{t('links.keepWarning')}</strong>
        </p>
        <p className="hint" id="created-download-hint">
          {t('links.downloadHint')}
        </p>
        <button type="button" className="btn" aria-describedby="created-download-hint" onClick={save}>
          {t('links.download')}
        </button>
      </Notice>
      <CopyField
        label={t('start.facilitatorLink')}
        value={meeting.links.facilitator}
        hint={t('start.facilitatorLinkHint')}
      />
      <CopyField
        label={t('start.secretaryLink')}
        value={meeting.links.secretary}
        hint={t('start.secretaryLinkHint')}
      />
      <CopyField
        label={t('start.participantLink')}
        value={meeting.links.participant}
        hint={t('start.participantLinkHint')}
      />
      <CopyField label={t('links.screenLink')} value={meeting.links.screen} />
      <div className="row">
        <a className="btn btn--primary" href={`/m/${meeting.code}/leiding`}>
          {t('start.openFacilitator')}
        </a>
      </div>
    </section>
  );
}

function RecentMeetings() {
  const t = useT();
  const { lang } = useLang();
  const recent = recentMeetings();
  if (recent.length === 0) return null;
  return (
    <section className="card" aria-labelledby="recent-h">
      <h2 id="recent-h">{t('start.recentHeading')}</h2>
      <ul className="plain-list">
        {recent.map((m) => (
          <li key={`${m.code}-${m.role}`}>
            <a href={`/m/${m.code}/${m.role === 'facilitator' ? 'leiding' : 'verslag'}`}>{m.title}</a>{' '}
            <span className="muted">
              {m.date ? `${formatDate(m.date, lang)} · ` : ''}
              {formatCode(m.code)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
