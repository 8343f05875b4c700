import { useT } from '../../i18n';
import { useAppStore } from '../../store';

/** The connection as it is, including commands that wait to be sent ("3 wijzigingen wachten"). */
export function ConnectionStatus() {
  const t = useT();
  const { status, queued } = useAppStore((s) => s.conn);
  const text =
    status === 'online'
      ? queued > 0
        ? t('conn.sending', { n: queued })
        : t('conn.online')
      : status === 'connecting'
        ? t('conn.connecting')
        : status === 'refused'
          ? t('conn.refused')
          : queued > 0
            ? t('conn.offlineQueued', { n: queued })
            : t('conn.offline');
  return (
    <p className={`conn conn--${status}`} role="status" aria-live="polite">
      <span className="conn__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
