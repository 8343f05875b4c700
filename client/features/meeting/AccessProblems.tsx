import { useT } from '../../i18n';
import { Layout } from '../common/Layout';
import { Notice } from '../common/Notice';

/** A staff link opened without its secret part (#…), e.g. copied without the end. */
export function MissingToken({ who }: { who: 'facilitator' | 'secretary' }) {
  const t = useT();
  return (
    <Layout>
      <div className="page page--narrow">
        <h1>{who === 'facilitator' ? t('role.facilitator') : t('role.secretary')}</h1>
        <Notice kind="error">{t('access.missingToken')}</Notice>
      </div>
    </Layout>
  );
}

export function RefusedOrGone({ refused }: { refused: string | null }) {
  const t = useT();
  return (
    <Layout>
      <div className="page page--narrow">
        <h1>{t('access.heading')}</h1>
        <Notice kind="error">
          {refused === 'unauthorized' ? t('access.wrongToken') : t('meeting.gone')}
        </Notice>
        <p>
          <a href="/">{t('access.toStart')}</a>
        </p>
      </div>
    </Layout>
  );
}
