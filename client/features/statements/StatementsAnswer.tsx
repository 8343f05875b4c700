import { useId } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import type { Position, StatementsSpec, StatementsValue } from '../../../shared/protocol/schemas/activity';
import { CONTENT_LANG, useT } from '../../i18n';
import { AnswerButtons } from '../activities/AnswerButtons';
import { AnswerStatus } from '../activities/AnswerStatus';
import type { AnswerProps } from '../activities/kindProps';
import { useAnswer } from '../activities/useAnswer';

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
export function StatementsAnswer({ activity, mine, readOnly = false }: AnswerProps<StatementsSpec>) {
  const t = useT();
  const id = useId();
  const spec = activity.spec;
  const answer = useAnswer(activity, mine, readOnly, (m) =>
    fromValue(spec, m?.value as StatementsValue | undefined),
  );
  const { draft, open } = answer;

  const positions: Position[] = spec.neutral ? ['agree', 'neutral', 'disagree'] : ['agree', 'disagree'];
  const change = (i: number, patch: Partial<Draft[number]>) =>
    answer.edit((d) => d.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const value = (): { value: StatementsValue } | string =>
    draft.every((d) => d.position === null)
      ? t('stmt.chooseOne')
      : {
          value: {
            answers: draft.map((d) =>
              d.position === null
                ? null
                : { position: d.position, ...(d.note.trim() ? { note: d.note.trim() } : {}) },
            ),
          },
        };

  return (
    <form className="statements-answer" onSubmit={(e) => answer.submit(e, value())} noValidate>
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
          <AnswerButtons
            saving={answer.state.kind === 'saving'}
            given={!!mine}
            onRetract={answer.retract}
            labels={{ save: t('stmt.save'), update: t('stmt.update') }}
          />
        ) : null}
      </fieldset>
      <AnswerStatus state={answer.state} activity={activity} answered={answer.answered} readOnly={readOnly} />
    </form>
  );
}
