import { type FormEvent, lazy, Suspense, useEffect, useId, useState } from 'react';
import { formatDate } from '../../../shared/domain/dates';
import { formatCode } from '../../../shared/domain/ids';
import { LIMITS } from '../../../shared/domain/limits';
import { participantCredentials, saveParticipantCredentials } from '../../credentials';
import { CONTENT_LANG, useLang, useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import { useMeetingChatNames } from '../chat/meetingChatNames';
import { FieldError } from '../common/FieldError';
import { focusWhenReady } from '../common/focus';
import { Interpolated, SLOT } from '../common/Interpolated';
import { Layout } from '../common/Layout';
import { Notice } from '../common/Notice';
import { AgendaNav } from '../flow/AgendaNav';
import { MeetingNow } from '../flow/MeetingNow';
import { useMeetingConnection } from '../meeting/useMeetingConnection';
import { LiveReport } from '../report/LiveReport';
import { TimerDisplay } from '../timer/TimerDisplay';

// The chat loads after the first screen (it is below the fold on a phone).
const ChatPanel = lazy(() => import('../chat/ChatPanel'));

/**
 * What a participant sees: the agenda item the meeting is at with its activities (following the
 * facilitator), the timer, the agenda to look back at, and the chat.
 */
export function ParticipantView({
  code,
  token,
  onForgotten,
}: {
  code: string;
  token: string;
  onForgotten: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  useMeetingConnection(code, token);
  const meeting = useAppStore((s) => s.meeting);
  const refused = useAppStore((s) => s.conn.refused);
  const deleted = useAppStore((s) => s.deleted);
  const [viewing, setViewing] = useState<string | null>(null);
  const chatNames = useMeetingChatNames();

  useEffect(() => {
    if (meeting) document.title = `${meeting.title} — Oogst`;
  }, [meeting]);

  // The stored token is no longer valid here (e.g. this browser joined an earlier meeting with this
  // code): forget it and ask for a name again.
  useEffect(() => {
    if (refused === 'unauthorized') {
      saveParticipantCredentials(code, null);
      onForgotten();
    }
  }, [refused, code, onForgotten]);

  if (deleted || refused === 'not_found') {
    return (
      <Layout>
        <div className="page page--narrow">
          <Notice kind="info">{t('meeting.gone')}</Notice>
        </div>
      </Layout>
    );
  }

  return (
    <Layout
      live
      title={meeting?.title ?? '…'}
      subtitle={[
        meeting?.date ? formatDate(meeting.date, lang) : null,
        `${t('meeting.code')} ${formatCode(code)}`,
      ]
        .filter(Boolean)
        .join(' · ')}
    >
      <div className="page">
        <h1 className="visually-hidden" lang={meeting ? CONTENT_LANG : undefined}>
          {meeting?.title ?? t('meeting.loading')}
        </h1>
        <WhoAmI code={code} />
        <div className="participant-grid">
          <div className="participant-main">
            <TimerDisplay />
            <MeetingNow viewing={viewing} onView={setViewing} />
            <LiveReport code={code} token={token} />
          </div>
          <div className="participant-side">
            <AgendaNav viewing={viewing} onView={setViewing} />
            <Suspense fallback={null}>
              <ChatPanel {...chatNames} />
            </Suspense>
          </div>
        </div>
      </div>
    </Layout>
  );
}

/** "Je doet mee als Ann" with a way to change the name. */
function WhoAmI({ code }: { code: string }) {
  const t = useT();
  const id = useId();
  const me = useAppStore((s) => s.me);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  if (!me) return null;
  // [A11Y1] The form goes away: focus back to "Naam wijzigen".
  const stopEditing = () => {
    setEditing(false);
    focusWhenReady(() => document.getElementById(`${id}-change`));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t('join.nameMissing'));
    const r = await send('participant:update', { name: name.trim() });
    if (!r.ok) return setError(`${t('common.notSaved')} (${r.message})`);
    const creds = participantCredentials(code);
    if (creds) saveParticipantCredentials(code, { ...creds, name: r.data.name });
    stopEditing();
  };
  if (!editing) {
    return (
      <p className="whoami">
        <Interpolated text={t('participant.youAre', { name: SLOT })} value={me.name} />{' '}
        <button
          type="button"
          id={`${id}-change`}
          className="btn btn--link"
          onClick={() => {
            setName(me.name);
            setError('');
            setEditing(true);
          }}
        >
          {t('participant.changeName')}
        </button>
      </p>
    );
  }
  return (
    <form className="whoami row" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-n`} className="whoami__label">
        {t('join.nameLabel')}
      </label>
      <input
        id={`${id}-n`}
        value={name}
        maxLength={LIMITS.name}
        onChange={(e) => setName(e.target.value)}
        ref={(el) => el?.focus()}
      />
      <button type="submit" className="btn btn--primary">
        {t('common.save')}
      </button>
      <button type="button" className="btn btn--quiet" onClick={stopEditing}>
        {t('common.cancel')}
      </button>
      <FieldError message={error} />
    </form>
  );
}
