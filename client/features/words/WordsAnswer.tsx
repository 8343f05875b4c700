import { type FormEvent, useEffect, useId, useState } from 'react';
import { newId } from '../../../shared/domain/ids';
import { LIMITS } from '../../../shared/domain/limits';
import type { ActivityView, MyResponse } from '../../../shared/domain/types';
import type { WordsSpec, WordsValue } from '../../../shared/protocol/schemas/activity';
import { CONTENT_LANG, useT } from '../../i18n';
import { send } from '../../send';
import { AnswerStatus, type SaveState } from '../activities/AnswerStatus';

const fromMine = (spec: WordsSpec, mine: MyResponse | undefined) => {
  const words = (mine?.value as WordsValue | undefined)?.words ?? [];
  return Array.from({ length: spec.maxWords }, (_, i) => words[i] ?? '');
};

/** [WORDS1] One to `maxWords` short answers, each in its own labelled field. */
export function WordsAnswer({
  activity,
  mine,
  readOnly = false,
}: {
  activity: ActivityView<WordsSpec>;
  mine: MyResponse | undefined;
  readOnly?: boolean;
}) {
  const t = useT();
  const id = useId();
  const spec = activity.spec;
  const [words, setWords] = useState(() => fromMine(spec, mine));
  const [dirty, setDirty] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  useEffect(() => {
    if (!dirty) setWords(fromMine(spec, mine));
  }, [mine, dirty, spec]);
  const open = activity.status === 'open' && !readOnly;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const clean = words.map((w) => w.trim()).filter(Boolean);
    if (clean.length === 0) return setState({ kind: 'error', message: t('words.giveOne') });
    setState({ kind: 'saving' });
    const r = await send('response:submit', {
      id: newId(),
      activityId: activity.id,
      value: { words: clean },
    });
    if (r.ok) {
      setDirty(false);
      setState({ kind: 'saved' });
    } else
      setState({
        kind: 'error',
        message: r.error === 'closed' ? t('poll.closedNow') : `${t('common.notSaved')} (${r.message})`,
      });
  };
  const retract = async () => {
    if ((await send('response:retract', { activityId: activity.id })).ok) {
      setWords(fromMine(spec, undefined));
      setDirty(false);
      setState({ kind: 'retracted' });
    }
  };

  return (
    <form className="words-answer" onSubmit={submit} noValidate>
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
                onChange={(e) => {
                  setWords((ws) => ws.map((x, j) => (j === i ? e.target.value : x)));
                  setDirty(true);
                  setState({ kind: 'idle' });
                }}
              />
            </div>
          ))}
        </div>
        <p className="hint">{t('words.anonymousCloud')}</p>
        {open ? (
          <div className="row">
            <button type="submit" className="btn btn--primary" disabled={state.kind === 'saving'}>
              {mine ? t('poll.update') : t('poll.save')}
            </button>
            {mine ? (
              <button type="button" className="btn btn--quiet" onClick={retract}>
                {t('poll.retract')}
              </button>
            ) : null}
          </div>
        ) : null}
      </fieldset>
      <AnswerStatus state={state} activity={activity} answered={!!mine && !dirty} readOnly={readOnly} />
    </form>
  );
}
