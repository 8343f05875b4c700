import { useId } from 'react';
import type { ScaleResults } from '../../../shared/domain/activities';
import type { ScaleSpec } from '../../../shared/protocol/schemas/activity';
import { CONTENT_LANG, useT } from '../../i18n';
import type { ResultsProps } from '../activities/kindProps';
import { NoteAuthor } from '../activities/NoteAuthor';

/**
 * [POLL6] The chart is a real table: one row per level with its count, and a bar drawn from the
 * same numbers. Screen readers read the table; everyone sees it. Explanations follow, grouped by level.
 */
export function ScaleResultsView({
  activity,
  results,
  headingLevel = 3,
}: ResultsProps<ScaleSpec, ScaleResults>) {
  const t = useT();
  const id = useId();
  const max = Math.max(1, ...results.counts);
  const H = `h${headingLevel}` as 'h3';
  const Sub = `h${headingLevel + 1}` as 'h4';
  const notesByLevel = activity.spec.levels.map((_, i) => results.notes.filter((n) => n.level === i));
  return (
    <div className="results">
      <table className="result-table">
        <caption>{t('poll.resultsCaption', { n: results.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('poll.level')}</th>
            <th scope="col" className="num">
              {t('poll.count')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('poll.share')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {activity.spec.levels.map((label, i) => {
            const n = results.counts[i] ?? 0;
            const pct = results.total ? Math.round((n / results.total) * 100) : 0;
            return (
              <tr key={`${i}-${label}`}>
                <th scope="row">
                  <bdi lang={CONTENT_LANG}>{label}</bdi>
                </th>
                <td className="num">{n}</td>
                <td className="bar-cell">
                  <div className="bar-wrap">
                    <span className="bar" style={{ width: `${(n / max) * 90}%` }} aria-hidden="true" />
                    <span className="bar-pct">{pct}%</span>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <H id={`${id}-notes`} className="results__notes-heading">
        {t('poll.notesHeading')}
      </H>
      {results.notes.length === 0 ? (
        <p className="muted">{t('poll.noNotes')}</p>
      ) : (
        activity.spec.levels.map((label, i) =>
          notesByLevel[i]!.length === 0 ? null : (
            <section key={`${i}-${label}`} className="notes-group" aria-label={label} lang={CONTENT_LANG}>
              <Sub>{label}</Sub>
              <ul>
                {notesByLevel[i]!.map((n, j) => (
                  <li key={`${j}-${n.text.slice(0, 20)}`}>
                    <bdi>{n.text}</bdi>
                    <NoteAuthor author={n.author} />
                  </li>
                ))}
              </ul>
            </section>
          ),
        )
      )}
    </div>
  );
}
