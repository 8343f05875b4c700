import type { ChoiceResults } from '../../../shared/domain/activities';
import type { ChoiceSpec } from '../../../shared/protocol/schemas/activity';
import { useLang, useT } from '../../i18n';
import type { ResultsProps } from '../activities/kindProps';
import { NoteAuthor } from '../activities/NoteAuthor';

/**
 * [CHOICE4] The ranking as ordered bars: "1. Gelijkwaardigheid 14 · 2. Vertrouwen 12". Each line
 * says its place, option and number in text; the bar is drawn from the same number.
 */
export function ChoiceResultsView({
  activity,
  results,
  headingLevel = 3,
}: ResultsProps<ChoiceSpec, ChoiceResults>) {
  const t = useT();
  const { lang } = useLang();
  const spec = activity.spec;
  const H = `h${headingLevel}` as 'h3';
  const max = Math.max(1, ...results.ranking.map((e) => e.score));
  const unit = spec.mode === 'rank' || spec.mode === 'points' ? 'points' : 'votes';
  const dec = (n: number) => (lang === 'nl' ? String(n).replace('.', ',') : String(n));
  return (
    <div className="results">
      <p className="results__caption">
        {t('choice.resultsCaption', { n: results.total })} · {t(`choice.unit.${unit}`)}
      </p>
      <ol className="ranking">
        {results.ranking.map((e) => (
          <li key={e.index} className="ranking__row">
            <span className="ranking__place">{e.place}.</span>
            <span className="ranking__label">{spec.options[e.index]}</span>
            <span className="ranking__score">
              {e.score}
              <span className="visually-hidden"> {t(`choice.unit.${unit}`)}</span>
            </span>
            <span className="ranking__bar-wrap" aria-hidden="true">
              <span className="bar" style={{ width: `${(e.score / max) * 100}%` }} />
            </span>
            {spec.mode === 'rank' && e.averagePlace !== undefined ? (
              <span className="ranking__extra">{t('choice.avgPlace', { n: dec(e.averagePlace) })}</span>
            ) : null}
          </li>
        ))}
      </ol>
      {results.notes.length > 0 ? (
        <>
          <H className="results__notes-heading">{t('poll.notesHeading')}</H>
          <ul className="notes-list">
            {results.notes.map((n, j) => (
              <li key={`${j}-${n.text.slice(0, 20)}`}>
                <bdi>{n.text}</bdi>
                <NoteAuthor author={n.author} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
