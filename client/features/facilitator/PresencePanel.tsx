import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { orgLabel } from '../participant/orgLabel';

/** [MEET5] Who is here, live: name, organisation, and online state in words (not colour alone). */
export function PresencePanel() {
  const t = useT();
  const presence = useAppStore((s) => s.presence);
  const people = [...(presence.participants ?? [])].sort(
    (a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name, 'nl'),
  );
  return (
    <section className="card" aria-labelledby="presence-h">
      <h2 id="presence-h">{t('presence.heading')}</h2>
      <p aria-live="polite">{t('presence.summary', { online: presence.online, joined: presence.joined })}</p>
      {people.length > 0 ? (
        <ul className="presence-list">
          {people.map((p) => (
            <li key={p.id} className={p.online ? 'is-online' : 'is-away'}>
              <span className="presence-dot" aria-hidden="true" />
              <bdi className="presence-name">{p.name}</bdi>
              {p.orgType ? <span className="muted"> · {orgLabel(t, p.orgType)}</span> : null}
              <span className="visually-hidden">
                {' '}
                — {p.online ? t('presence.online') : t('presence.away')}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
