import { type FormEvent, useId } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import type { MyResponse } from '../../../shared/domain/types';
import type { ScaleSpec } from '../../../shared/protocol/schemas/activity';
import { CONTENT_LANG, useT } from '../../i18n';
import { AnswerButtons } from '../activities/AnswerButtons';
import { AnswerStatus } from '../activities/AnswerStatus';
import type { AnswerProps } from '../activities/kindProps';
import { useAnswer } from '../activities/useAnswer';

interface Draft {
  level: number | null;
  note: string;
}

const fromMine = (mine: MyResponse | undefined): Draft => ({
  level: (mine?.value as { level: number } | undefined)?.level ?? null,
  note: mine?.note ?? '',
});

/**
 * [POLL4][POLL5] Place yourself on the scale, with an optional explanation. Radio buttons: arrow
 * keys move between levels, no dragging. An answer from another tab shows up here too.
 */
export function ScaleAnswer({ activity, mine, readOnly = false }: AnswerProps<ScaleSpec>) {
  const t = useT();
  const id = useId();
  const answer = useAnswer(activity, mine, readOnly, fromMine);
  const { level, note } = answer.draft;
  const edit = (patch: Partial<Draft>) => answer.edit((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) =>
    answer.submit(e, level === null ? t('poll.chooseLevel') : { value: { level }, note });

  return (
    <form className="scale-answer" onSubmit={submit} noValidate>
      <fieldset disabled={!answer.open}>
        <legend className="activity__question" dir="auto" lang={CONTENT_LANG}>
          {activity.spec.question}
        </legend>
        <div
          className="scale-options"
          style={{ '--levels': activity.spec.levels.length } as React.CSSProperties}
        >
          {activity.spec.levels.map((label, i) => (
            <div className="scale-option" key={`${i}-${label}`}>
              <input
                type="radio"
                id={`${id}-l${i}`}
                name={`${id}-level`}
                value={i}
                checked={level === i}
                onChange={() => edit({ level: i })}
              />
              <label htmlFor={`${id}-l${i}`}>
                <span className="scale-option__num" aria-hidden="true">
                  {i + 1}
                </span>
                <span lang={CONTENT_LANG}>{label}</span>
              </label>
            </div>
          ))}
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('poll.noteLabel')}</label>
          <textarea
            id={`${id}-note`}
            value={note}
            rows={3}
            maxLength={LIMITS.note}
            onChange={(e) => edit({ note: e.target.value })}
            aria-describedby={`${id}-count`}
          />
          <p className="hint" id={`${id}-count`}>
            {t('common.charsLeft', { n: LIMITS.note - note.length })}
          </p>
        </div>
        {!activity.anonymous ? (
          <p className="hint">{t('poll.notAnonymousHint')}</p>
        ) : (
          <p className="hint">{t('poll.anonymousHint')}</p>
        )}
        <AnswerButtons saving={answer.state.kind === 'saving'} given={!!mine} onRetract={answer.retract} />
      </fieldset>
      <AnswerStatus
        state={answer.state}
        activity={activity}
        answered={answer.answered}
        readOnly={readOnly}
        answeredText={
          mine
            ? t('poll.youAnswered', {
                level: activity.spec.levels[(mine.value as { level: number }).level] ?? '',
              })
            : ''
        }
      />
    </form>
  );
}
