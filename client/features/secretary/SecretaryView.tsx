import { lazy, Suspense } from 'react';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { sortedActivities } from '../../store/activitySlice';
import { StaffActivityCard } from '../activities/StaffActivityCard';
import { useMeetingChatNames } from '../chat/meetingChatNames';
import { PresencePanel } from '../facilitator/PresencePanel';
import { positionOf } from '../flow/position';
import { StaffShell } from '../meeting/StaffShell';
import ReportWorkspace from '../report/ReportWorkspace';
import { TimerDisplay } from '../timer/TimerDisplay';

const ChatPanel = lazy(() => import('../chat/ChatPanel'));

/**
 * The secretary's view: the verslag to write (with where the meeting is, the timer, the chat to
 * curate — tips, pins, hiding — and who is present beside it), then every activity with its live
 * results.
 */
export default function SecretaryView({ code }: { code: string }) {
  return (
    <StaffShell code={code} staff="secretary">
      {(token) => <SecretaryDesk code={code} token={token} />}
    </StaffShell>
  );
}

function SecretaryDesk({ code, token }: { code: string; token: string }) {
  const t = useT();
  const meeting = useAppStore((s) => s.meeting);
  const agenda = useAppStore((s) => s.agenda);
  const activities = sortedActivities(useAppStore((s) => s.activities));
  const chatNames = useMeetingChatNames();
  const pos = positionOf(agenda, meeting?.currentItemId);
  return (
    <>
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
    </>
  );
}
