import { type DragEvent, type FormEvent, type KeyboardEvent, useEffect, useId, useState } from 'react';
import { budgetOf, maxChoicesOf } from '../../../shared/domain/activities';
import { newId } from '../../../shared/domain/ids';
import { LIMITS } from '../../../shared/domain/limits';
import type { ActivityView, MyResponse } from '../../../shared/domain/types';
import type { ChoiceSpec, ChoiceValue } from '../../../shared/protocol/schemas/activity';
import { CONTENT_LANG, useSaid, useT } from '../../i18n';
import { send } from '../../send';
import { AnswerStatus, type SaveState } from '../activities/AnswerStatus';

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
export function ChoiceAnswer({
  activity,
  mine,
  readOnly = false,
}: {
  activity: ActivityView<ChoiceSpec>;
  mine: MyResponse | undefined;
  readOnly?: boolean;
}) {
  const t = useT();
  const id = useId();
  const spec = activity.spec;
  const [draft, setDraft] = useState<Draft>(() => fromMine(spec, mine));
  const [dirty, setDirty] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [announce, say] = useSaid();
  const [dragging, setDragging] = useState<number | null>(null);

  useEffect(() => {
    if (!dirty) setDraft(fromMine(spec, mine));
  }, [mine, dirty, spec]);

  const open = activity.status === 'open' && !readOnly;
  const edit = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
    setState({ kind: 'idle' });
  };
  const max = maxChoicesOf(spec);
  const budget = budgetOf(spec);
  const used = draft.points.reduce((a, b) => a + b, 0);

  const moveTo = (from: number, to: number, focus = true) => {
    if (to < 0 || to >= draft.order.length || from === to) return;
    const order = [...draft.order];
    const [x] = order.splice(from, 1);
    order.splice(to, 0, x!);
    edit({ order });
    const option = spec.options[x!]!;
    say((tr) => tr('choice.movedTo', { option, place: to + 1, n: order.length }));
    if (focus) {
      // Keep the keyboard on the moved option: the same button, or the other one at the edge.
      const dir = to < from ? 'up' : 'down';
      requestAnimationFrame(() => {
        const same = document.getElementById(`${id}-${dir}-${x}`) as HTMLButtonElement | null;
        const other = document.getElementById(`${id}-${dir === 'up' ? 'down' : 'up'}-${x}`);
        (same && !same.disabled ? same : other)?.focus();
      });
    }
  };
  const onItemKey = (e: KeyboardEvent, place: number) => {
    if (!e.altKey) return;
    if (e.key === 'ArrowUp') {
      e.preventDefault();
      moveTo(place, place - 1);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      moveTo(place, place + 1);
    }
  };

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

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = value();
    if (typeof v === 'string') return setState({ kind: 'error', message: v });
    setState({ kind: 'saving' });
    const r = await send('response:submit', {
      id: newId(),
      activityId: activity.id,
      value: v,
      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
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
      setDraft(fromMine(spec, undefined));
      setDirty(false);
      setState({ kind: 'retracted' });
    }
  };

  const drop = (e: DragEvent, place: number) => {
    e.preventDefault();
    if (dragging !== null) moveTo(dragging, place, false);
    setDragging(null);
  };

  return (
    <form className="choice-answer" onSubmit={submit} noValidate>
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
          <ol className="rank-list" aria-describedby={`${id}-how`}>
            {draft.order.map((opt, place) => (
              <li
                key={opt}
                className={`rank-item${dragging === place ? ' is-dragging' : ''}`}
                draggable={open}
                onDragStart={(e) => {
                  setDragging(place);
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', String(opt));
                }}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => drop(e, place)}
                onDragEnd={() => setDragging(null)}
                onKeyDown={(e) => onItemKey(e, place)}
              >
                <span className="rank-item__place" aria-hidden="true">
                  {place + 1}
                </span>
                <span className="rank-item__label">
                  {spec.options[opt]}
                  <span className="visually-hidden">
                    {' '}
                    ({t('choice.placeOf', { place: place + 1, n: draft.order.length })})
                  </span>
                </span>
                <span className="rank-item__buttons">
                  <button
                    type="button"
                    id={`${id}-up-${opt}`}
                    className="btn btn--icon"
                    disabled={place === 0}
                    onClick={() => moveTo(place, place - 1)}
                    aria-label={t('choice.up', { option: spec.options[opt]! })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`${id}-down-${opt}`}
                    className="btn btn--icon"
                    disabled={place === draft.order.length - 1}
                    onClick={() => moveTo(place, place + 1)}
                    aria-label={t('choice.down', { option: spec.options[opt]! })}
                  >
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
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
      <p className="visually-hidden" aria-live="assertive">
        {announce}
      </p>
      <AnswerStatus state={state} activity={activity} answered={!!mine && !dirty} readOnly={readOnly} />
    </form>
  );
}
