import { useEffect, useState } from 'react';
import type { DocBlock } from '../../../shared/report/document';
import { isEmptyDoc } from '../../../shared/report/document';
import { readReport } from '../../../shared/report/ydoc';
import { CONTENT_LANG, useT } from '../../i18n';
import { useReportConnection } from './connection';
import { ReportBlocks } from './ReportBlocks';
import './report.css';

/**
 * [REPORT4] The verslag for participants and observers: live, read-only, no presence published.
 * Re-rendered at most once per animation frame however fast the editors type.
 */
export default function ReportReader({ code, token }: { code: string; token: string | null }) {
  const t = useT();
  const conn = useReportConnection(code, token, false);
  const [blocks, setBlocks] = useState<DocBlock[]>([]);
  const doc = conn?.doc;
  useEffect(() => {
    if (!doc) return;
    let frame = 0;
    const render = () => {
      frame = 0;
      setBlocks(readReport(doc));
    };
    const onUpdate = () => {
      frame ||= requestAnimationFrame(render);
    };
    doc.on('update', onUpdate);
    render();
    return () => {
      doc.off('update', onUpdate);
      cancelAnimationFrame(frame);
    };
  }, [doc]);
  if (!conn?.loaded) {
    if (conn?.status === 'refused' || conn?.status === 'gone') {
      return (
        <p className="muted">{t(conn.status === 'gone' ? 'report.conn.gone' : 'report.conn.refused')}</p>
      );
    }
    return (
      <p className="muted" role="status">
        {t('report.loading')}
      </p>
    );
  }
  return (
    <div className="report-view">
      {conn.status === 'offline' ? (
        <p className="report-conn report-conn--offline" role="status">
          {t('report.conn.connecting')}
        </p>
      ) : null}
      {isEmptyDoc(blocks) ? (
        <p className="muted">{t('report.empty')}</p>
      ) : (
        <div lang={CONTENT_LANG}>
          <ReportBlocks blocks={blocks} offset={2} />
        </div>
      )}
    </div>
  );
}
