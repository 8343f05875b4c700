import { lazy, Suspense, useEffect, useState } from 'react';
import { formatCode } from '../../../shared/domain/ids';
import { staffToken } from '../../credentials';
import { useLang, useT } from '../../i18n';
import { useAppStore } from '../../store';
import { useMeetingChatNames } from '../chat/meetingChatNames';
import { formatDate } from '../common/format';
import { Layout } from '../common/Layout';
import { FlowBar } from '../flow/FlowBar';
import { MissingToken, RefusedOrGone } from '../meeting/AccessProblems';
import { useMeetingConnection } from '../meeting/useMeetingConnection';
import { SaveTemplate } from '../templates/SaveTemplate';
import { TimerControls } from '../timer/TimerControls';
import { AgendaEditor } from './AgendaEditor';
import { MeetingSettings } from './MeetingSettings';
import { PresencePanel } from './PresencePanel';
import { SharePanel } from './SharePanel';

const ChatPanel = lazy(() => import('../chat/ChatPanel'));

/**
 * The facilitator's console: where the meeting is and the agenda with its activities; beside it the
 * timer, the chat to curate, who is present, links to share, templates and settings.
 */
export default function FacilitatorView({ code }: { code: string }) {
  const [token] = useState(() => staffToken(code, 'facilitator'));
  const [secretaryToken] = useState(() => {
    try {
      return JSON.parse(localStorage.getItem(`oogst:staff:${code}:secretary`) ?? 'null') as string | null;
    } catch {
      return null;
    }
  });
  const t = useT();
  const { lang } = useLang();
  useMeetingConnection(code, token, token !== null);
  const meeting = useAppStore((s) => s.meeting);
  const refused = useAppStore((s) => s.conn.refused);
  const chatNames = useMeetingChatNames();
  const deleted = useAppStore((s) => s.deleted);
  useEffect(() => {
    if (meeting) document.title = `${t('role.facilitator')}: ${meeting.title} — Oogst`;
  }, [meeting, t]);

  if (!token) return <MissingToken who="facilitator" />;
  if (refused || deleted) return <RefusedOrGone refused={refused} />;

  return (
    <Layout
      live
      title={meeting?.title ?? '…'}
      subtitle={[
        t('role.facilitator'),
        meeting?.date ? formatDate(meeting.date, lang) : null,
        formatCode(code),
      ]
        .filter(Boolean)
        .join(' · ')}
    >
      <div className="page">
        <h1 className="visually-hidden">
          {t('role.facilitator')}: {meeting?.title}
        </h1>
        <div className="console-grid">
          <div className="console-main">
            <FlowBar />
            <AgendaEditor />
          </div>
          <div className="console-side">
            <TimerControls />
            <Suspense fallback={null}>
              <ChatPanel {...chatNames} />
            </Suspense>
            <PresencePanel />
            <section className="card" aria-labelledby="fac-report-h">
              <h2 id="fac-report-h">{t('report.heading')}</h2>
              <p className="hint">{t('report.openEditorHint')}</p>
              <a className="btn" href={`/m/${code}/leiding/verslag`} target="_blank" rel="noopener">
                {t('report.openEditor')}
              </a>
            </section>
            <SharePanel code={code} facilitatorToken={token} secretaryToken={secretaryToken} />
            <SaveTemplate token={token} />
            <MeetingSettings token={token} />
          </div>
        </div>
      </div>
    </Layout>
  );
}
