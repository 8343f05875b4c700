import { type ReactNode, useEffect, useState } from 'react';
import { formatDate } from '../../../shared/domain/dates';
import { formatCode } from '../../../shared/domain/ids';
import { staffToken } from '../../credentials';
import { useLang, useT } from '../../i18n';
import { useAppStore } from '../../store';
import { Layout } from '../common/Layout';
import { MissingToken, RefusedOrGone } from './AccessProblems';
import { useMeetingConnection } from './useMeetingConnection';

/**
 * The frame every staff view shares: the token from the secret link (or an earlier visit), the
 * meeting's connection, what to say when the token is missing or refused or the meeting is gone,
 * the tab's title, and the header with the role, the date and the code. `children` gets the token
 * and draws the view itself (a component, so its hooks run only once the view is shown).
 */
export function StaffShell(props: {
  code: string;
  staff: 'facilitator' | 'secretary';
  /** What this view is called in the tab's title and its hidden heading; by default the role. */
  heading?: string;
  children(token: string): ReactNode;
}) {
  const { code, staff } = props;
  const [token] = useState(() => staffToken(code, staff));
  const t = useT();
  const { lang } = useLang();
  useMeetingConnection(code, token, token !== null);
  const meeting = useAppStore((s) => s.meeting);
  const refused = useAppStore((s) => s.conn.refused);
  const deleted = useAppStore((s) => s.deleted);
  const roleName = staff === 'facilitator' ? t('role.facilitator') : t('role.secretary');
  const heading = props.heading ?? roleName;
  useEffect(() => {
    if (meeting) document.title = `${heading}: ${meeting.title} — Oogst`;
  }, [meeting, heading]);

  if (!token) return <MissingToken who={staff} />;
  if (refused || deleted) return <RefusedOrGone refused={refused} />;

  return (
    <Layout
      live
      title={meeting?.title ?? '…'}
      subtitle={[roleName, meeting?.date ? formatDate(meeting.date, lang) : null, formatCode(code)]
        .filter(Boolean)
        .join(' · ')}
    >
      <div className="page">
        <h1 className="visually-hidden">
          {heading}: {meeting?.title}
        </h1>
        {props.children(token)}
      </div>
    </Layout>
  );
}
