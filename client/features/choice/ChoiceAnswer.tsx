import { useId } from 'react';
import { budgetOf, maxChoicesOf } from '../../../shared/domain/activities';
import { LIMITS } from '../../../shared/domain/limits';
import type { MyResponse } from '../../../shared/domain/types';
import type { ChoiceSpec, ChoiceValue } from '../../../shared/protocol/schemas/activity';
import { CONTENT_LANG, useSaid, useT } from '../../i18n';
import { AnswerButtons } from '../activities/AnswerButtons';
import { AnswerStatus } from '../activities/AnswerStatus';
import type { AnswerProps } from '../activities/kindProps';
import { useAnswer } from '../activities/useAnswer';
import { RankList } from './RankList';

interface Draft {
  selected: number[];
  order: number[];
  points: number[];
  note: string;
}

const fromMine = (spec: ChoiceSpec, mine: MyResponse | undefined): Draft => {
  const v = mine?.value as ChoiceValue | undefined;
  const n = spec.options.length;
  const order = v?.order && v.order.length === n ? v.order : spec.options.map((_, i) => i);
  return {
    selected: v?.selected ?? [],
    order,
    points: v?.points && v.points.length === n ? v.points : new Array(n).fill(0),
    note: mine?.note ?? '',
  };
};

/**
 * [CHOICE2] Answer a choice or ranking question: one option (radio), up to k (checkboxes), an order
 * (move with buttons or Alt+↑/↓ on an item, or drag with a mouse), or points to divide.
 */
export function ChoiceAnswer({ activity, mine, readOnly = false }: AnswerProps<ChoiceSpec>) {
  const t = useT();
  const id = useId();
  const spec = activity.spec;
  const answer = useAnswer(activity, mine, readOnly, (m) => fromMine(spec, m));
  const { draft, open } = answer;
  const [announce, say] = useSaid();
  const edit = (patch: Partial<Draft>) => answer.edit((d) => ({ ...d, ...patch }));
  const max = maxChoicesOf(spec);
  const budget = budgetOf(spec);
  const used = draft.points.reduce((a, b) => a + b, 0);

  const value = (): ChoiceValue | string => {
    switch (spec.mode) {
      case 'single':
      case 'multiple':
        return draft.selected.length === 0 ? t('choice.chooseOne') : { selected: draft.selected };
      case 'rank':
        return { order: draft.order };
      case 'points':
        return used === 0
          ? t('choice.givePoints')
          : used > budget
            ? t('choice.tooManyPoints', { n: budget })
            : { points: draft.points };
    }
  };

  return (
    <form
      className="choice-answer"
      onSubmit={(e) => {
        const v = value();
        return answer.submit(
          e,
          typeof v === 'string' ? v : { value: v, ...(draft.note.trim() ? { note: draft.note.trim() } : {}) },
        );
      }}
      noValidate
    >
      <fieldset disabled={!open}>
        <legend className="activity__question" dir="auto" lang={CONTENT_LANG}>
          {spec.question}
        </legend>
        <p className="hint" id={`${id}-how`}>
          {spec.mode === 'single'
            ? t('choice.howSingle')
            : spec.mode === 'multiple'
              ? t('choice.howMultiple', { n: max })
              : spec.mode === 'rank'
                ? t('choice.howRank')
                : t('choice.howPoints', { n: budget })}
        </p>
        {spec.mode === 'single' || spec.mode === 'multiple' ? (
          <div className="option-list">
            {spec.options.map((o, i) => {
              const checked = draft.selected.includes(i);
              const full = spec.mode === 'multiple' && !checked && draft.selected.length >= max;
              return (
                <div className="option" key={`${i}-${o}`}>
                  <input
                    type={spec.mode === 'single' ? 'radio' : 'checkbox'}
                    id={`${id}-o${i}`}
                    name={`${id}-opt`}
                    checked={checked}
                    disabled={full}
                    aria-describedby={`${id}-how`}
                    onChange={() =>
                      edit({
                        selected:
                          spec.mode === 'single'
                            ? [i]
                            : checked
                              ? draft.selected.filter((x) => x !== i)
                              : [...draft.selected, i].sort((a, b) => a - b),
                      })
                    }
                  />
                  <label htmlFor={`${id}-o${i}`}>
                    <bdi>{o}</bdi>
                  </label>
                </div>
              );
            })}
          </div>
        ) : null}
        {spec.mode === 'rank' ? (
          <RankList
            options={spec.options}
            order={draft.order}
            open={open}
            describedBy={`${id}-how`}
            onOrder={(order) => edit({ order })}
            say={say}
          />
        ) : null}
        {spec.mode === 'points' ? (
          <div className="points-list">
            {spec.options.map((o, i) => (
              <div className="points-row" key={`${i}-${o}`}>
                <label htmlFor={`${id}-p${i}`}>{o}</label>
                <input
                  id={`${id}-p${i}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={budget}
                  className="input--short"
                  value={draft.points[i] ?? 0}
                  onChange={(e) => {
                    const n = Math.max(
                      0,
                      Math.min(LIMITS.pointsBudget, Math.floor(Number(e.target.value) || 0)),
                    );
                    edit({ points: draft.points.map((p, j) => (j === i ? n : p)) });
                  }}
                />
              </div>
            ))}
            <p className={used > budget ? 'field-error' : 'points-left'} aria-live="polite">
              {used > budget
                ? t('choice.tooManyPoints', { n: budget })
                : t('choice.pointsLeft', { n: budget - used, of: budget })}
            </p>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('poll.noteLabel')}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            maxLength={LIMITS.note}
            value={draft.note}
            onChange={(e) => edit({ note: e.target.value })}
          />
        </div>
        <p className="hint">{activity.anonymous ? t('poll.anonymousHint') : t('poll.notAnonymousHint')}</p>
        {open ? (
          <AnswerButtons saving={answer.state.kind === 'saving'} given={!!mine} onRetract={answer.retract} />
        ) : null}
      </fieldset>
      <p className="visually-hidden" aria-live="assertive">
        {announce}
      </p>
      <AnswerStatus state={answer.state} activity={activity} answered={answer.answered} readOnly={readOnly} />
    </form>
  );
}
