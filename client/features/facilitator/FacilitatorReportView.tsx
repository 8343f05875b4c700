import { useT } from '../../i18n';
import { StaffShell } from '../meeting/StaffShell';
import ReportWorkspace from '../report/ReportWorkspace';
import { PresencePanel } from './PresencePanel';

/** [REPORT1] The facilitator writes the verslag too: the same workspace as the secretary's. */
export default function FacilitatorReportView({ code }: { code: string }) {
  const t = useT();
  return (
    <StaffShell code={code} staff="facilitator" heading={t('report.heading')}>
      {(token) => (
        <>
          <p>
            <a href={`/m/${code}/leiding`}>{t('report.backToConsole')}</a>
          </p>
          <ReportWorkspace code={code} token={token} staffRole="facilitator" side={<PresencePanel />} />
        </>
      )}
    </StaffShell>
  );
}
