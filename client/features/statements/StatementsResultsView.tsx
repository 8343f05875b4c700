import type { StatementsResults } from '../../../shared/domain/activities';
import type { Position, StatementsSpec } from '../../../shared/protocol/schemas/activity';
import { useT } from '../../i18n';
import type { ResultsProps } from '../activities/kindProps';
import { NoteAuthor } from '../activities/NoteAuthor';

/**
 * [STMT4] A diverging bar per statement: disagree to the left of the middle line, agree to the
 * right, neutral split over the middle. Under each bar the counts in words ("Oneens 3 · Neutraal 2 ·
 * Eens 14"), which is what screen readers read (the bar is drawn from the same numbers and hidden
 * from them); the segments carry their counts too, so colour is never the only cue.
 */
export function StatementsResultsView({
  activity,
  results,
  headingLevel = 3,
}: ResultsProps<StatementsSpec, StatementsResults>) {
  const t = useT();
  const { labels, neutral } = activity.spec;
  const H = `h${headingLevel}` as 'h3';
  const cols: Position[] = neutral ? ['disagree', 'neutral', 'agree'] : ['disagree', 'agree'];
  const withNotes = activity.spec.statements
    .map((s, i) => ({ s, notes: results.statements[i]?.notes ?? [] }))
    .filter((x) => x.notes.length > 0);
  return (
    <div className="results">
      <p className="results__caption">{t('stmt.resultsCaption', { n: results.total })}</p>
      <ol className="diverging-list">
        {activity.spec.statements.map((statement, i) => {
          const r = results.statements[i] ?? { agree: 0, neutral: 0, disagree: 0, answered: 0 };
          const n = Math.max(1, r.answered);
          const half = (x: number) => (x / n) * 50;
          return (
            <li key={`${i}-${statement}`} className="diverging-item">
              <p className="diverging-item__statement">{statement}</p>
              <div className="diverging" aria-hidden="true">
                <span className="diverging__mid" />
                <span
                  className="seg seg--disagree"
                  style={{
                    right: `${50 + half(neutral ? r.neutral / 2 : 0)}%`,
                    width: `${half(r.disagree)}%`,
                  }}
                >
                  {r.disagree > 0 ? r.disagree : ''}
                </span>
                {neutral ? (
                  <span
                    className="seg seg--neutral"
                    style={{ left: `${50 - half(r.neutral / 2)}%`, width: `${half(r.neutral)}%` }}
                  >
                    {r.neutral > 0 ? r.neutral : ''}
                  </span>
                ) : null}
                <span
                  className="seg seg--agree"
                  style={{ left: `${50 + half(neutral ? r.neutral / 2 : 0)}%`, width: `${half(r.agree)}%` }}
                >
                  {r.agree > 0 ? r.agree : ''}
                </span>
              </div>
              <p className="diverging-item__counts">
                {cols.map((c, j) => (
                  <span key={c} className={`count count--${c}`}>
                    {j > 0 ? ' · ' : ''}
                    {labels[c]} <strong>{r[c]}</strong>
                  </span>
                ))}
              </p>
            </li>
          );
        })}
      </ol>
      <p className="diverging-legend" aria-hidden="true">
        <span className="key key--disagree" /> {labels.disagree}
        {neutral ? (
          <>
            {' '}
            <span className="key key--neutral" /> {labels.neutral}
          </>
        ) : null}{' '}
        <span className="key key--agree" /> {labels.agree}
      </p>
      {withNotes.length > 0 ? (
        <>
          <H className="results__notes-heading">{t('poll.notesHeading')}</H>
          {withNotes.map(({ s, notes }) => (
            <section key={s} className="notes-group" aria-label={s}>
              <p className="notes-group__title">{s}</p>
              <ul>
                {notes.map((n, j) => (
                  <li key={`${j}-${n.text.slice(0, 20)}`}>
                    <span className="note-position">{labels[n.position]}:</span> <bdi>{n.text}</bdi>
                    <NoteAuthor author={n.author} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
