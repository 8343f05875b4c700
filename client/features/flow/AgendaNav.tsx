import { CONTENT_LANG, useT } from '../../i18n';
import { useAppStore } from '../../store';
import { positionOf } from './position';

/**
 * [FLOW2] The agenda for participants: where the meeting is (in words, not colour alone), earlier
 * items to look back at, later items as a preview.
 */
export function AgendaNav({
  viewing,
  onView,
}: {
  viewing: string | null;
  onView: (itemId: string | null) => void;
}) {
  const t = useT();
  const agenda = useAppStore((s) => s.agenda);
  const currentItemId = useAppStore((s) => s.meeting?.currentItemId ?? null);
  const pos = positionOf(agenda, currentItemId);
  return (
    <nav className="card" aria-labelledby="agenda-nav-h">
      <h2 id="agenda-nav-h">{t('agenda.heading')}</h2>
      {agenda.length === 0 ? (
        <p className="muted">{t('agenda.empty')}</p>
      ) : (
        <ol className="agenda-nav">
          {agenda.map((item, i) => {
            const isCurrent = item.id === currentItemId;
            const past = pos.index >= 0 && i < pos.index;
            const isViewed = viewing === item.id;
            return (
              <li
                key={item.id}
                aria-current={isCurrent ? 'step' : undefined}
                className={`agenda-nav__item${isCurrent ? ' is-current' : ''}${past ? ' is-past' : ''}`}
              >
                <bdi className="agenda-nav__title" lang={CONTENT_LANG}>
                  {item.title}
                </bdi>
                {isCurrent ? <span className="badge badge--open">{t('agenda.now')}</span> : null}
                {past ? <span className="visually-hidden"> ({t('flow.done')})</span> : null}
                {isCurrent && viewing !== null ? (
                  <button type="button" className="btn btn--link" onClick={() => onView(null)}>
                    {t('flow.backToNow')}
                  </button>
                ) : null}
                {past && !isViewed ? (
                  <button type="button" className="btn btn--link" onClick={() => onView(item.id)}>
                    {t('flow.lookBack')}
                    <span className="visually-hidden"> {item.title}</span>
                  </button>
                ) : null}
                {isViewed ? <span className="badge">{t('flow.viewing')}</span> : null}
              </li>
            );
          })}
        </ol>
      )}
    </nav>
  );
}
