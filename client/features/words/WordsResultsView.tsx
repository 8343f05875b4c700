import { type FormEvent, useId, useState } from 'react';
import type { WordEntry, WordsResults } from '../../../shared/domain/activities';
import { LIMITS } from '../../../shared/domain/limits';
import { can } from '../../../shared/domain/roles';
import type { ActivityView } from '../../../shared/domain/types';
import type { WordsSpec } from '../../../shared/protocol/schemas/activity';
import { useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import type { ResultsProps } from '../activities/kindProps';

/** Five sizes, from the least to the most given word (relative to this cloud's largest count). */
export const sizeOf = (count: number, max: number) =>
  max <= 1 ? 3 : 1 + Math.round(((count - 1) / (max - 1)) * 4);

/**
 * [WORDS3] The word cloud as a list sized by frequency, most given first; every word carries its
 * count in text. [WORDS4] The facilitator can switch to editing: merge spellings, hide, split.
 */
export function WordsResultsView({ activity, results }: ResultsProps<WordsSpec, WordsResults>) {
  const t = useT();
  const role = useAppStore((s) => s.role);
  const [editing, setEditing] = useState(false);
  const manage = can(role ?? undefined, 'activity:manage');
  const shown = results.words.filter((w) => !w.hidden);
  const max = Math.max(1, ...shown.map((w) => w.count));
  return (
    <div className="results">
      <p className="results__caption">
        {t('words.resultsCaption', { n: results.total, words: shown.length })}
      </p>
      {shown.length === 0 ? (
        <p className="muted">{t('words.none')}</p>
      ) : (
        <ul className="cloud">
          {shown.map((w) => (
            <li key={w.key} className={`cloud__word cloud__word--${sizeOf(w.count, max)}`}>
              {w.text}
              <span className="cloud__count">
                <span className="visually-hidden"> (</span>
                {w.count}
                <span className="visually-hidden">)</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {manage ? (
        editing ? (
          <WordsCurator activity={activity} words={results.words} onDone={() => setEditing(false)} />
        ) : (
          <button type="button" className="btn btn--quiet" onClick={() => setEditing(true)}>
            {t('words.curate')}
          </button>
        )
      ) : null}
    </div>
  );
}

/** [WORDS4] Pick words to merge under one label; hide or show a word; split a merged group. */
function WordsCurator({
  activity,
  words,
  onDone,
}: {
  activity: ActivityView;
  words: WordEntry[];
  onDone: () => void;
}) {
  const t = useT();
  const id = useId();
  const [picked, setPicked] = useState<string[]>([]);
  const [label, setLabel] = useState('');
  const [message, setMessage] = useState('');
  const run = async (p: Promise<{ ok: boolean; message?: string }>, done: string) => {
    const r = await p;
    setMessage(r.ok ? done : `${t('common.notSaved')} (${r.message ?? ''})`);
    return r.ok;
  };
  const merge = async (e: FormEvent) => {
    e.preventDefault();
    if (picked.length < 2 && !label.trim()) return setMessage(t('words.pickTwo'));
    const text = label.trim() || words.find((w) => w.key === picked[0])?.text || '';
    if (
      await run(
        send('words:merge', { activityId: activity.id, keys: picked, label: text }),
        t('words.merged', { label: text }),
      )
    ) {
      setPicked([]);
      setLabel('');
    }
  };
  return (
    <section className="curator card card--inset" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t('words.curateHeading')}</h4>
      <p className="hint">{t('words.curateHint')}</p>
      <form onSubmit={merge} noValidate>
        <fieldset>
          <legend>{t('words.pickLegend')}</legend>
          <ul className="curator__list">
            {words.map((w) => (
              <li key={w.key} className={w.hidden ? 'is-hidden' : undefined}>
                <span className="field--check">
                  <input
                    type="checkbox"
                    id={`${id}-${w.key}`}
                    checked={picked.includes(w.key)}
                    onChange={(e) =>
                      setPicked((p) => (e.target.checked ? [...p, w.key] : p.filter((k) => k !== w.key)))
                    }
                  />
                  <label htmlFor={`${id}-${w.key}`}>
                    {w.text} ({w.count})
                    {w.hidden ? <span className="badge">{t('words.hiddenBadge')}</span> : null}
                    {w.merged ? <span className="badge">{t('words.mergedBadge')}</span> : null}
                  </label>
                </span>
                {w.variants && w.variants.length > 1 ? (
                  <span className="muted curator__variants">
                    {t('words.variants', { list: w.variants.join(', ') })}
                  </span>
                ) : null}
                <span className="row">
                  <button
                    type="button"
                    className="btn btn--quiet"
                    onClick={() =>
                      run(
                        send('words:hide', { activityId: activity.id, key: w.key, hidden: !w.hidden }),
                        w.hidden
                          ? t('words.shownAgain', { word: w.text })
                          : t('words.hiddenNow', { word: w.text }),
                      )
                    }
                  >
                    {w.hidden ? t('words.show') : t('words.hide')}
                    <span className="visually-hidden"> {w.text}</span>
                  </button>
                  {w.merged ? (
                    <button
                      type="button"
                      className="btn btn--quiet"
                      onClick={() =>
                        run(
                          send('words:split', { activityId: activity.id, key: w.key }),
                          t('words.splitDone', { word: w.text }),
                        )
                      }
                    >
                      {t('words.split')}
                      <span className="visually-hidden"> {w.text}</span>
                    </button>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="row">
          <label htmlFor={`${id}-label`}>{t('words.mergeLabel')}</label>
          <input
            id={`${id}-label`}
            value={label}
            maxLength={LIMITS.word}
            onChange={(e) => setLabel(e.target.value)}
          />
          <button type="submit" className="btn">
            {t('words.merge', { n: picked.length })}
          </button>
        </div>
      </form>
      <p role="status" className="saved-status">
        {message}
      </p>
      <button type="button" className="btn btn--quiet" onClick={onDone}>
        {t('words.curateDone')}
      </button>
    </section>
  );
}
