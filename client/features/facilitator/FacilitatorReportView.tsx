import { useEffect, useState } from 'react';
import { formatCode } from '../../../shared/domain/ids';
import { staffToken } from '../../credentials';
import { useLang, useT } from '../../i18n';
import { useAppStore } from '../../store';
import { formatDate } from '../common/format';
import { Layout } from '../common/Layout';
import { MissingToken, RefusedOrGone } from '../meeting/AccessProblems';
import { useMeetingConnection } from '../meeting/useMeetingConnection';
import ReportWorkspace from '../report/ReportWorkspace';
import { PresencePanel } from './PresencePanel';

/** [REPORT1] The facilitator writes the verslag too: the same workspace as the secretary's. */
export default function FacilitatorReportView({ code }: { code: string }) {
  const [token] = useState(() => staffToken(code, 'facilitator'));
  const t = useT();
  const { lang } = useLang();
  useMeetingConnection(code, token, token !== null);
  const meeting = useAppStore((s) => s.meeting);
  const refused = useAppStore((s) => s.conn.refused);
  const deleted = useAppStore((s) => s.deleted);
  useEffect(() => {
    if (meeting) document.title = `${t('report.heading')}: ${meeting.title} — Oogst`;
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
          {t('report.heading')}: {meeting?.title}
        </h1>
        <p>
          <a href={`/m/${code}/leiding`}>{t('report.backToConsole')}</a>
        </p>
        <ReportWorkspace code={code} token={token} staffRole="facilitator" side={<PresencePanel />} />
      </div>
    </Layout>
  );
}
