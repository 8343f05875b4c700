import { lazy, Suspense } from 'react';
import { Layout } from './features/common/Layout';
import { ParticipantEntry } from './features/participant/ParticipantEntry';
import { StartPage } from './features/start/StartPage';
import { useT } from './i18n';
import { parseRoute, usePathname } from './router';

// Staff and screen views load on demand, so a participant's first screen stays small.
const FacilitatorView = lazy(() => import('./features/facilitator/FacilitatorView'));
const SecretaryView = lazy(() => import('./features/secretary/SecretaryView'));
const ScreenView = lazy(() => import('./features/screen/ScreenView'));
const FacilitatorReportView = lazy(() => import('./features/facilitator/FacilitatorReportView'));

export function App() {
  const route = parseRoute(usePathname());
  const t = useT();
  const loading = (
    <Layout>
      <p className="page" role="status">
        {t('common.loading')}
      </p>
    </Layout>
  );
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'participant':
      return <ParticipantEntry key={route.code} code={route.code} />;
    case 'facilitator':
      return (
        <Suspense fallback={loading}>
          <FacilitatorView key={route.code} code={route.code} />
        </Suspense>
      );
    case 'secretary':
      return (
        <Suspense fallback={loading}>
          <SecretaryView key={route.code} code={route.code} />
        </Suspense>
      );
    case 'facilitatorReport':
      return (
        <Suspense fallback={loading}>
          <FacilitatorReportView key={route.code} code={route.code} />
        </Suspense>
      );
    case 'screen':
      return (
        <Suspense fallback={loading}>
          <ScreenView key={route.code} code={route.code} />
        </Suspense>
      );
    default:
      return (
        <Layout>
          <div className="page page--narrow">
            <h1>{t('notFound.heading')}</h1>
            <p>
              <a href="/">{t('access.toStart')}</a>
            </p>
          </div>
        </Layout>
      );
  }
}
