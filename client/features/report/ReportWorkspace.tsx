import type { Editor } from '@tiptap/core';
import { type ReactNode, useCallback, useId, useMemo, useState } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { type ReportStatus, useReportConnection } from './connection';
import { ExportPanel } from './ExportPanel';
import { HarvestPanel } from './HarvestPanel';
import { CARET_COLORS, ReportEditor } from './ReportEditor';
import './report.css';

const NAME_KEY = 'oogst:reportName';

function storedName(): string | null {
  try {
    return localStorage.getItem(NAME_KEY);
  } catch {
    return null;
  }
}

const STATUS_KEY: Record<
  ReportStatus,
  | 'report.conn.connecting'
  | 'report.conn.online'
  | 'report.conn.merging'
  | 'report.conn.offline'
  | 'report.conn.refused'
  | 'report.conn.gone'
> = {
  connecting: 'report.conn.connecting',
  online: 'report.conn.online',
  merging: 'report.conn.merging',
  offline: 'report.conn.offline',
  refused: 'report.conn.refused',
  gone: 'report.conn.gone',
};

/**
 * [REPORT1][REPORT5][REPORT10] Where the secretary (and the facilitator) write the verslag: the
 * editor with its connection state, the results to harvest, the downloads, and `side` content.
 */
export default function ReportWorkspace({
  code,
  token,
  staffRole,
  side,
}: {
  code: string;
  token: string;
  staffRole: 'facilitator' | 'secretary';
  side?: ReactNode;
}) {
  const t = useT();
  const id = useId();
  const conn = useReportConnection(code, token, true);
  const meeting = useAppStore((s) => s.meeting);
  const [editor, setEditor] = useState<Editor | null>(null);
  const onEditor = useCallback((e: Editor | null) => setEditor(e), []);
  const [fallbackName] = useState(() =>
    t(staffRole === 'facilitator' ? 'role.facilitator' : 'role.secretary'),
  );
  const [name, setName] = useState(() => storedName() ?? fallbackName);
  const color = useMemo(
    () => CARET_COLORS[(conn?.doc.clientID ?? 0) % CARET_COLORS.length]!,
    [conn?.doc.clientID],
  );
  // Stable unless the name or colour really changes: every new object re-publishes presence.
  const user = useMemo(() => ({ name: name.trim() || fallbackName, color }), [name, color, fallbackName]);
  const status = conn?.status ?? 'connecting';
  const statusText =
    status === 'offline' && conn?.pending ? t('report.conn.offlinePending') : t(STATUS_KEY[status]);

  return (
    <div className="console-grid report-grid">
      <div className="console-main">
        <section className="card report-card" aria-labelledby={`${id}-h`}>
          <div className="report-card__head">
            <h2 id={`${id}-h`}>{t('report.heading')}</h2>
            <p className={`report-conn report-conn--${status}`} role="status" aria-live="polite">
              <span className="conn__dot" aria-hidden="true" />
              {statusText}
            </p>
          </div>
          {conn?.loaded && status !== 'refused' && status !== 'gone' ? (
            <ReportEditor conn={conn} user={user} onEditor={onEditor} />
          ) : status === 'refused' || status === 'gone' ? null : (
            <p className="muted">{t('report.loading')}</p>
          )}
        </section>
      </div>
      <div className="console-side">
        <HarvestPanel editor={editor} />
        <ExportPanel meetingId={meeting?.id ?? null} token={token} />
        <div className="card">
          <label htmlFor={`${id}-name`}>{t('report.nameLabel')}</label>
          <p id={`${id}-name-hint`} className="hint">
            {t('report.nameHint')}
          </p>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={LIMITS.name}
            aria-describedby={`${id}-name-hint`}
            onChange={(e) => {
              setName(e.target.value);
              try {
                localStorage.setItem(NAME_KEY, e.target.value);
              } catch {}
            }}
          />
        </div>
        {side}
      </div>
    </div>
  );
}
