import type { ActivityView } from '../../../shared/domain/types';
import { useT } from '../../i18n';

export function StatusBadge({ activity }: { activity: ActivityView }) {
  const t = useT();
  const text =
    activity.status === 'draft'
      ? t('status.draft')
      : activity.status === 'open'
        ? t('status.open')
        : t('status.closed');
  return (
    <span className="badges">
      <span className={`badge badge--${activity.status}`}>{text}</span>
      {activity.revealed ? <span className="badge badge--revealed">{t('status.revealed')}</span> : null}
      {activity.anonymous ? <span className="badge">{t('status.anonymous')}</span> : null}
    </span>
  );
}
