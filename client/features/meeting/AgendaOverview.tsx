import { useT } from '../../i18n';
import { useAppStore } from '../../store';

/** The agenda, read-only, with the current item marked (text and not colour alone). */
export function AgendaOverview() {
  const t = useT();
  const agenda = useAppStore((s) => s.agenda);
  const current = useAppStore((s) => s.meeting?.currentItemId ?? null);
  return (
    <section className="card" aria-labelledby="agenda-overview-h">
      <h2 id="agenda-overview-h">{t('agenda.heading')}</h2>
      {agenda.length === 0 ? (
        <p className="muted">{t('agenda.empty')}</p>
      ) : (
        <ol className="agenda-overview">
          {agenda.map((item) => (
            <li key={item.id} aria-current={item.id === current ? 'step' : undefined}>
              <span className="agenda-overview__title">{item.title}</span>
              {item.id === current ? <span className="badge badge--open">{t('agenda.now')}</span> : null}
              {item.body ? <p className="agenda-overview__body">{item.body}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
