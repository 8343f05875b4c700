import { lazy, Suspense, useState } from 'react';
import { useT } from '../../i18n';

// Yjs and the reader load only when someone opens the verslag: the first screen stays small.
const ReportReader = lazy(() => import('./ReportReader'));

/** [REPORT4] "Verslag meelezen": the live verslag, read-only, opened on request. */
export function LiveReport({ code, token }: { code: string; token: string | null }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <section className="card report-live" aria-labelledby="live-report-h">
      <h2 id="live-report-h" className="visually-hidden">
        {t('report.liveHeading')}
      </h2>
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{t('report.show')}</summary>
        <p className="hint">{t('report.readHint')}</p>
        {open ? (
          <Suspense
            fallback={
              <p className="muted" role="status">
                {t('report.loading')}
              </p>
            }
          >
            <ReportReader code={code} token={token} />
          </Suspense>
        ) : null}
      </details>
    </section>
  );
}
