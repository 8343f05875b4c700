import { type FormEvent, useEffect, useId, useState } from 'react';
import { newId } from '../../../shared/domain/ids';
import { LIMITS } from '../../../shared/domain/limits';
import type { ActivityView, MyResponse } from '../../../shared/domain/types';
import type { Position, StatementsSpec, StatementsValue } from '../../../shared/protocol/schemas/activity';
import { CONTENT_LANG, useT } from '../../i18n';
import { send } from '../../send';
import { AnswerStatus, type SaveState } from '../activities/AnswerStatus';

type Draft = { position: Position | null; note: string }[];

const fromValue = (spec: StatementsSpec, v: StatementsValue | undefined): Draft =>
  spec.statements.map((_, i) => ({
    position: v?.answers[i]?.position ?? null,
    note: v?.answers[i]?.note ?? '',
  }));

/**
 * [STMT2] Answer each statement with agree / neutral / disagree (radio buttons: arrow keys, no
 * dragging), with an optional explanation per statement. Skipping a statement is allowed.
 */
export function StatementsAnswer({
  activity,
  mine,
  readOnly = false,
}: {
  activity: ActivityView<StatementsSpec>;
  mine: MyResponse | undefined;
  readOnly?: boolean;
}) {
  const t = useT();
  const id = useId();
  const spec = activity.spec;
  const stored = mine?.value as StatementsValue | undefined;
  const [draft, setDraft] = useState<Draft>(() => fromValue(spec, stored));
  const [dirty, setDirty] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  useEffect(() => {
    if (!dirty) setDraft(fromValue(spec, mine?.value as StatementsValue | undefined));
  }, [mine, dirty, spec]);

  const positions: Position[] = spec.neutral ? ['agree', 'neutral', 'disagree'] : ['agree', 'disagree'];
  const open = activity.status === 'open' && !readOnly;
  const change = (i: number, patch: Partial<Draft[number]>) => {
    setDraft((d) => d.map((x, j) => (j === i ? { ...x, ...patch } : x)));
    setDirty(true);
    setState({ kind: 'idle' });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (draft.every((d) => d.position === null))
      return setState({ kind: 'error', message: t('stmt.chooseOne') });
    setState({ kind: 'saving' });
    const value: StatementsValue = {
      answers: draft.map((d) =>
        d.position === null
          ? null
          : { position: d.position, ...(d.note.trim() ? { note: d.note.trim() } : {}) },
      ),
    };
    const r = await send('response:submit', { id: newId(), activityId: activity.id, value });
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
      setDraft(fromValue(spec, undefined));
      setDirty(false);
      setState({ kind: 'retracted' });
    }
  };

  return (
    <form className="statements-answer" onSubmit={submit} noValidate>
      <p className="activity__question" dir="auto" lang={CONTENT_LANG}>
        {spec.question}
      </p>
      <fieldset disabled={!open}>
        <legend className="visually-hidden">{spec.question}</legend>
        <ol className="statement-list">
          {spec.statements.map((statement, i) => (
            <li key={`${i}-${statement}`} className="statement">
              <fieldset className="statement__choices">
                <legend className="statement__text">{statement}</legend>
                <div className="choice-pills" role="presentation">
                  {positions.map((p) => (
                    <span className={`pill pill--${p}`} key={p}>
                      <input
                        type="radio"
                        id={`${id}-${i}-${p}`}
                        name={`${id}-${i}`}
                        checked={draft[i]?.position === p}
                        onChange={() => change(i, { position: p })}
                      />
                      <label htmlFor={`${id}-${i}-${p}`}>{spec.labels[p]}</label>
                    </span>
                  ))}
                </div>
                {draft[i]?.position ? (
                  <button
                    type="button"
                    className="btn btn--link"
                    onClick={() => change(i, { position: null })}
                  >
                    {t('stmt.skip')}
                    <span className="visually-hidden"> ({statement})</span>
                  </button>
                ) : null}
              </fieldset>
              <div className="field field--compact">
                <label htmlFor={`${id}-${i}-note`}>{t('stmt.noteLabel')}</label>
                <textarea
                  id={`${id}-${i}-note`}
                  rows={2}
                  maxLength={LIMITS.statementNote}
                  value={draft[i]?.note ?? ''}
                  onChange={(e) => change(i, { note: e.target.value })}
                />
              </div>
            </li>
          ))}
        </ol>
        <p className="hint">{activity.anonymous ? t('poll.anonymousHint') : t('poll.notAnonymousHint')}</p>
        {open ? (
          <div className="row">
            <button type="submit" className="btn btn--primary" disabled={state.kind === 'saving'}>
              {mine ? t('stmt.update') : t('stmt.save')}
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
