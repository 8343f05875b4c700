import { lazy, Suspense, useState } from 'react';
import { savedStaffToken } from '../../credentials';
import { useT } from '../../i18n';
import { useMeetingChatNames } from '../chat/meetingChatNames';
import { FlowBar } from '../flow/FlowBar';
import { StaffShell } from '../meeting/StaffShell';
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
  return (
    <StaffShell code={code} staff="facilitator">
      {(token) => <Console code={code} token={token} />}
    </StaffShell>
  );
}

function Console({ code, token }: { code: string; token: string }) {
  const t = useT();
  // The secretary's link is known when this browser made the meeting (or opened that link).
  const [secretaryToken] = useState(() => savedStaffToken(code, 'secretary'));
  const chatNames = useMeetingChatNames();
  return (
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
  );
}
