import { lazy, Suspense, useEffect, useState } from 'react';
import { formatCode } from '../../../shared/domain/ids';
import { staffToken } from '../../credentials';
import { useLang, useT } from '../../i18n';
import { useAppStore } from '../../store';
import { sortedActivities } from '../../store/activitySlice';
import { StaffActivityCard } from '../activities/StaffActivityCard';
import { useMeetingChatNames } from '../chat/meetingChatNames';
import { formatDate } from '../common/format';
import { Layout } from '../common/Layout';
import { PresencePanel } from '../facilitator/PresencePanel';
import { positionOf } from '../flow/position';
import { MissingToken, RefusedOrGone } from '../meeting/AccessProblems';
import { useMeetingConnection } from '../meeting/useMeetingConnection';
import ReportWorkspace from '../report/ReportWorkspace';
import { TimerDisplay } from '../timer/TimerDisplay';

const ChatPanel = lazy(() => import('../chat/ChatPanel'));

/**
 * The secretary's view: the verslag to write (with where the meeting is, the timer, the chat to
 * curate — tips, pins, hiding — and who is present beside it), then every activity with its live
 * results.
 */
export default function SecretaryView({ code }: { code: string }) {
  const [token] = useState(() => staffToken(code, 'secretary'));
  const t = useT();
  const { lang } = useLang();
  useMeetingConnection(code, token, token !== null);
  const meeting = useAppStore((s) => s.meeting);
  const agenda = useAppStore((s) => s.agenda);
  const activities = sortedActivities(useAppStore((s) => s.activities));
  const refused = useAppStore((s) => s.conn.refused);
  const chatNames = useMeetingChatNames();
  const pos = positionOf(agenda, meeting?.currentItemId);
  const deleted = useAppStore((s) => s.deleted);
  useEffect(() => {
    if (meeting) document.title = `${t('role.secretary')}: ${meeting.title} — Oogst`;
  }, [meeting, t]);

  if (!token) return <MissingToken who="secretary" />;
  if (refused || deleted) return <RefusedOrGone refused={refused} />;

  return (
    <Layout
      live
      title={meeting?.title ?? '…'}
      subtitle={[t('role.secretary'), meeting?.date ? formatDate(meeting.date, lang) : null, formatCode(code)]
        .filter(Boolean)
        .join(' · ')}
    >
      <div className="page">
        <h1 className="visually-hidden">
          {t('role.secretary')}: {meeting?.title}
        </h1>
        <p className="flow-line" aria-live="polite">
          {pos.current
            ? t('flow.nowAt', { n: pos.index + 1, total: pos.total, title: pos.current.title })
            : t('flow.notStarted')}
        </p>
        <ReportWorkspace
          code={code}
          token={token}
          staffRole="secretary"
          side={
            <>
              <TimerDisplay />
              <Suspense fallback={null}>
                <ChatPanel {...chatNames} />
              </Suspense>
              <PresencePanel />
            </>
          }
        />
        <section className="card" aria-labelledby="sec-act-h">
          <h2 id="sec-act-h">{t('secretary.activitiesHeading')}</h2>
          {activities.length === 0 ? <p className="muted">{t('secretary.noActivities')}</p> : null}
          {activities.map((a) => {
            const item = agenda.find((i) => i.id === a.agendaItemId);
            return (
              <div key={a.id}>
                {item ? <p className="muted">{item.title}</p> : null}
                <StaffActivityCard activity={a} headingLevel={3} />
              </div>
            );
          })}
        </section>
      </div>
    </Layout>
  );
}
