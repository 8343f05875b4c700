import { type FormEvent, useId, useRef, useState } from 'react';
import { ASSIGNMENTS, type Assignment } from '../../../shared/domain/board/assign';
import { BOARD_LIMITS } from '../../../shared/domain/board/limits';
import { newId } from '../../../shared/domain/ids';
import { LIMITS } from '../../../shared/domain/limits';
import type { ActivityView } from '../../../shared/domain/types';
import type { BreakoutSpec } from '../../../shared/protocol/schemas/board';
import { useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import './board.css';

/** [BOARD1] Create or edit a break-out: 1–8 questions, rooms, assignment, time box, permissions. */
export default function BreakoutEditor(props: {
  existing?: ActivityView<BreakoutSpec>;
  agendaItemId: string | null;
  /** With the id of the saved activity; without it after "Annuleren". */
  onDone: (savedId?: string) => void;
}) {
  const t = useT();
  const id = useId();
  const agenda = useAppStore((s) => s.agenda);
  const started = useAppStore((s) =>
    props.existing ? (s.breakouts[props.existing.id]?.rooms.length ?? 0) > 0 : false,
  );
  const ex = props.existing?.spec;
  const [questions, setQuestions] = useState<string[]>(ex ? [...ex.questions] : ['']);
  const [by, setBy] = useState<'count' | 'size'>(ex?.rooms.by ?? 'count');
  const [count, setCount] = useState(ex?.rooms.by === 'count' ? ex.rooms.count : 5);
  const [size, setSize] = useState(ex?.rooms.by === 'size' ? ex.rooms.size : 6);
  const [assignment, setAssignment] = useState<Assignment>(ex?.assignment ?? 'mixed');
  const [timebox, setTimebox] = useState(ex?.timeboxMinutes ? String(ex.timeboxMinutes) : '20');
  const [seeOther, setSeeOther] = useState(ex?.seeOtherRooms ?? false);
  const [cluster, setCluster] = useState(ex?.participantsCluster ?? false);
  const [byOrg, setByOrg] = useState(ex?.colourBy === 'orgType');
  const [anonymous, setAnonymous] = useState(props.existing?.anonymous ?? false);
  const [itemId, setItemId] = useState<string>(props.existing?.agendaItemId ?? props.agendaItemId ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const refs = useRef<(HTMLTextAreaElement | null)[]>([]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const clean = questions.map((q) => q.trim());
    if (clean.some((q) => !q)) return setError(t('breakout.questionMissing'));
    const minutes = Number.parseInt(timebox, 10);
    const spec: BreakoutSpec = {
      kind: 'breakout',
      questions: clean,
      rooms: by === 'count' ? { by, count } : { by, size },
      assignment,
      timeboxMinutes:
        Number.isFinite(minutes) && minutes > 0 ? Math.min(minutes, BOARD_LIMITS.timeboxMinutes) : null,
      seeOtherRooms: seeOther,
      participantsCluster: cluster,
      colourBy: byOrg ? 'orgType' : 'choice',
    };
    setBusy(true);
    setError('');
    const ex = props.existing;
    const created = newId();
    const r = ex
      ? await send('activity:update', {
          id: ex.id,
          spec,
          agendaItemId: itemId || null,
          ...(ex.status === 'draft' ? { anonymous } : {}),
        })
      : await send('activity:create', { id: created, agendaItemId: itemId || null, anonymous, spec });
    setBusy(false);
    if (r.ok) props.onDone(ex?.id ?? created);
    else setError(`${t('common.notSaved')} (${r.message})`);
  };

  const number = (
    value: number,
    set: (n: number) => void,
    min: number,
    max: number,
    label: string,
    fid: string,
  ) => (
    <div className="field field--inline">
      <label htmlFor={fid}>{label}</label>
      <input
        id={fid}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={value}
        disabled={started}
        onChange={(e) => set(Math.max(min, Math.min(max, Number(e.target.value) || min)))}
      />
    </div>
  );

  return (
    <form className="editor card card--inset" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{props.existing ? t('breakout.editorEdit') : t('breakout.editorNew')}</h4>
      {started ? <p className="hint">{t('breakout.startedFixed')}</p> : null}
      <fieldset className="levels-editor">
        <legend>{t('breakout.questions', { n: questions.length })}</legend>
        <p className="hint">{t('breakout.questionsHint')}</p>
        <ol>
          {questions.map((q, i) => (
            <li key={i} className="row">
              <label htmlFor={`${id}-q${i}`} className="visually-hidden">
                {t('breakout.questionN', { n: i + 1 })}
              </label>
              <textarea
                id={`${id}-q${i}`}
                ref={(el) => {
                  refs.current[i] = el;
                }}
                rows={2}
                value={q}
                maxLength={LIMITS.question}
                placeholder={
                  i === 0 ? 'Wat kunnen koplopers betekenen voor de aardgasvrije transitie?' : undefined
                }
                onChange={(e) => setQuestions((qs) => qs.map((x, j) => (j === i ? e.target.value : x)))}
              />
              <button
                type="button"
                className="btn btn--quiet"
                disabled={questions.length <= 1 || started}
                onClick={() => {
                  setQuestions((qs) => qs.filter((_, j) => j !== i));
                  requestAnimationFrame(() => refs.current[Math.max(0, i - 1)]?.focus());
                }}
              >
                {t('common.remove')}
                <span className="visually-hidden"> {t('breakout.questionN', { n: i + 1 })}</span>
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="btn"
          disabled={questions.length >= BOARD_LIMITS.questions || started}
          onClick={() => {
            setQuestions((qs) => [...qs, '']);
            requestAnimationFrame(() => refs.current[questions.length]?.focus());
          }}
        >
          {t('breakout.addQuestion')}
        </button>
      </fieldset>
      <fieldset className="choice-group" disabled={started}>
        <legend>{t('breakout.roomsLegend')}</legend>
        <div className="field field--check">
          <input
            id={`${id}-bc`}
            type="radio"
            name={`${id}-by`}
            checked={by === 'count'}
            onChange={() => setBy('count')}
          />
          <label htmlFor={`${id}-bc`}>{t('breakout.byCount')}</label>
        </div>
        {by === 'count'
          ? number(count, setCount, 1, BOARD_LIMITS.rooms, t('breakout.byCountLabel'), `${id}-count`)
          : null}
        <div className="field field--check">
          <input
            id={`${id}-bs`}
            type="radio"
            name={`${id}-by`}
            checked={by === 'size'}
            onChange={() => setBy('size')}
          />
          <label htmlFor={`${id}-bs`}>{t('breakout.bySize')}</label>
        </div>
        {by === 'size'
          ? number(size, setSize, 2, BOARD_LIMITS.roomSize, t('breakout.bySizeLabel'), `${id}-size`)
          : null}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-as`}>{t('breakout.assignment')}</label>
        <select
          id={`${id}-as`}
          value={assignment}
          disabled={started}
          onChange={(e) => setAssignment(e.target.value as Assignment)}
        >
          {ASSIGNMENTS.map((a) => (
            <option key={a} value={a}>
              {t(`breakout.assign.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor={`${id}-tb`}>{t('breakout.timebox')}</label>
        <input
          id={`${id}-tb`}
          type="number"
          inputMode="numeric"
          min={1}
          max={BOARD_LIMITS.timeboxMinutes}
          value={timebox}
          onChange={(e) => setTimebox(e.target.value)}
        />
      </div>
      {(
        [
          [seeOther, setSeeOther, 'breakout.seeOtherRooms', 'so', false],
          [cluster, setCluster, 'breakout.participantsCluster', 'pc', false],
          [byOrg, setByOrg, 'breakout.colourByOrg', 'co', false],
          [
            anonymous,
            setAnonymous,
            'breakout.anonymous',
            'an',
            props.existing !== undefined && props.existing.status !== 'draft',
          ],
        ] as const
      ).map(([value, set, key, suffix, disabled]) => (
        <div className="field field--check" key={suffix}>
          <input
            id={`${id}-${suffix}`}
            type="checkbox"
            checked={value}
            disabled={disabled}
            onChange={(e) => set(e.target.checked)}
          />
          <label htmlFor={`${id}-${suffix}`}>{t(key)}</label>
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-item`}>{t('editor.agendaItem')}</label>
        <select id={`${id}-item`} value={itemId} onChange={(e) => setItemId(e.target.value)}>
          <option value="">{t('editor.noItem')}</option>
          {agenda.map((a, i) => (
            <option key={a.id} value={a.id}>
              {i + 1}. {a.title}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {props.existing ? t('common.save') : t('breakout.create')}
        </button>
        <button type="button" className="btn btn--quiet" onClick={() => props.onDone()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
