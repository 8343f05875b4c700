import { useEffect } from 'react';
import { formatCode } from '../../../shared/domain/ids';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { sortedActivities } from '../../store/activitySlice';
import { KINDS } from '../activities/registry';
import { Layout } from '../common/Layout';
import { RefusedOrGone } from '../meeting/AccessProblems';
import { useMeetingConnection } from '../meeting/useMeetingConnection';
import { LiveReport } from '../report/LiveReport';

/** Read-only view for a shared screen: the join code, big, and the latest revealed results. */
export default function ScreenView({ code }: { code: string }) {
  const t = useT();
  useMeetingConnection(code, null);
  const meeting = useAppStore((s) => s.meeting);
  const results = useAppStore((s) => s.results);
  const refused = useAppStore((s) => s.conn.refused);
  const shown = sortedActivities(useAppStore((s) => s.activities)).filter((a) => a.revealed && results[a.id]);
  const latest = shown[shown.length - 1];
  useEffect(() => {
    if (meeting) document.title = `${meeting.title} — Oogst`;
  }, [meeting]);
  if (refused) return <RefusedOrGone refused={refused} />;
  const kind = latest ? KINDS[latest.spec.kind] : null;
  return (
    <Layout live title={meeting?.title ?? '…'}>
      <div className="page screen">
        <h1>{meeting?.title}</h1>
        <p className="screen__join">
          {t('screen.joinAt', { host: window.location.host })}{' '}
          <span className="join-code">{formatCode(code)}</span>
        </p>
        {latest && kind ? (
          <section aria-labelledby="screen-q">
            <h2 id="screen-q">{kind.title(latest)}</h2>
            <kind.Results activity={latest} results={results[latest.id]!} headingLevel={3} />
          </section>
        ) : (
          <p className="muted">{t('screen.nothingYet')}</p>
        )}
        <LiveReport code={code} token={null} />
      </div>
    </Layout>
  );
}
