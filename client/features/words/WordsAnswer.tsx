import { useId } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import type { MyResponse } from '../../../shared/domain/types';
import type { WordsSpec, WordsValue } from '../../../shared/protocol/schemas/activity';
import { CONTENT_LANG, useT } from '../../i18n';
import { AnswerButtons } from '../activities/AnswerButtons';
import { AnswerStatus } from '../activities/AnswerStatus';
import type { AnswerProps } from '../activities/kindProps';
import { useAnswer } from '../activities/useAnswer';

const fromMine = (spec: WordsSpec, mine: MyResponse | undefined) => {
  const words = (mine?.value as WordsValue | undefined)?.words ?? [];
  return Array.from({ length: spec.maxWords }, (_, i) => words[i] ?? '');
};

/** [WORDS1] One to `maxWords` short answers, each in its own labelled field. */
export function WordsAnswer({ activity, mine, readOnly = false }: AnswerProps<WordsSpec>) {
  const t = useT();
  const id = useId();
  const spec = activity.spec;
  const answer = useAnswer(activity, mine, readOnly, (m) => fromMine(spec, m));
  const { draft: words, open } = answer;

  const value = () => {
    const clean = words.map((w) => w.trim()).filter(Boolean);
    return clean.length === 0 ? t('words.giveOne') : { value: { words: clean } };
  };

  return (
    <form className="words-answer" onSubmit={(e) => answer.submit(e, value())} noValidate>
      <fieldset disabled={!open}>
        <legend className="activity__question" dir="auto" lang={CONTENT_LANG}>
          {spec.question}
        </legend>
        <p className="hint">
          {spec.maxWords === 1 ? t('words.howOne') : t('words.howMany', { n: spec.maxWords })}
        </p>
        <div className="words-fields">
          {words.map((w, i) => (
            <div className="field field--compact" key={i}>
              <label htmlFor={`${id}-w${i}`}>{t('words.wordN', { n: i + 1 })}</label>
              <input
                id={`${id}-w${i}`}
                value={w}
                maxLength={LIMITS.word}
                autoComplete="off"
                onChange={(e) => answer.edit((ws) => ws.map((x, j) => (j === i ? e.target.value : x)))}
              />
            </div>
          ))}
        </div>
        <p className="hint">{t('words.anonymousCloud')}</p>
        {open ? (
          <AnswerButtons saving={answer.state.kind === 'saving'} given={!!mine} onRetract={answer.retract} />
        ) : null}
      </fieldset>
      <AnswerStatus state={answer.state} activity={activity} answered={answer.answered} readOnly={readOnly} />
    </form>
  );
}
