import { useId } from 'react';
import type { ActivityView } from '../../../shared/domain/types';
import { CONTENT_LANG, useT } from '../../i18n';
import { useAppStore } from '../../store';
import { KINDS } from './registry';
import { StatusBadge } from './StatusBadge';

/** An activity as a participant sees it: the question to answer, then the results once revealed. */
export function ParticipantActivity({
  activity,
  readOnly = false,
}: {
  activity: ActivityView;
  readOnly?: boolean;
}) {
  const t = useT();
  const id = useId();
  const mine = useAppStore((s) => s.mine[activity.id]);
  const results = useAppStore((s) => s.results[activity.id]);
  const role = useAppStore((s) => s.role);
  const kind = KINDS[activity.spec.kind];
  return (
    <article className="activity card" aria-labelledby={`${id}-h`}>
      <div className="activity__head">
        <h2 id={`${id}-h`} className="activity__title">
          {kind.label(t)}
        </h2>
        <StatusBadge activity={activity} />
      </div>
      {role === 'participant' ? (
        <kind.Answer activity={activity} mine={mine} readOnly={readOnly} />
      ) : (
        <p className="activity__question" dir="auto" lang={CONTENT_LANG}>
          {kind.title(activity)}
        </p>
      )}
      {activity.revealed && results ? (
        <section className="results-block" aria-label={t('poll.resultsHeading')}>
          <h3>{t('poll.resultsHeading')}</h3>
          <kind.Results activity={activity} results={results} headingLevel={4} />
        </section>
      ) : activity.status !== 'draft' && !kind.noReveal ? (
        <p className="muted">{t('poll.resultsLater')}</p>
      ) : null}
    </article>
  );
}
