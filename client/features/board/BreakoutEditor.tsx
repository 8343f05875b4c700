import { useId, useRef, useState } from 'react';
import { ASSIGNMENTS, type Assignment } from '../../../shared/domain/board/assign';
import { BOARD_LIMITS } from '../../../shared/domain/board/limits';
import { LIMITS } from '../../../shared/domain/limits';
import type { BreakoutSpec } from '../../../shared/protocol/schemas/board';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { EditorFrame } from '../activities/EditorFrame';
import './board.css';
import type { EditorProps } from '../activities/kindProps';

/** [BOARD1] Create or edit a break-out: 1–8 questions, rooms, assignment, time box, permissions. */
export default function BreakoutEditor(props: EditorProps<BreakoutSpec>) {
  const t = useT();
  const id = useId();
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
  const refs = useRef<(HTMLTextAreaElement | null)[]>([]);

  const build = (): BreakoutSpec | string => {
    const clean = questions.map((q) => q.trim());
    if (clean.some((q) => !q)) return t('breakout.questionMissing');
    const minutes = Number.parseInt(timebox, 10);
    return {
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
    <EditorFrame
      heading={props.existing ? t('breakout.editorEdit') : t('breakout.editorNew')}
      createLabel={t('breakout.create')}
      {...props}
      build={build}
      anonymousLabel={t('breakout.anonymous')}
      sayConflict={(message) => `${t('common.notSaved')} (${message})`}
    >
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
          [seeOther, setSeeOther, 'breakout.seeOtherRooms', 'so'],
          [cluster, setCluster, 'breakout.participantsCluster', 'pc'],
          [byOrg, setByOrg, 'breakout.colourByOrg', 'co'],
        ] as const
      ).map(([value, set, key, suffix]) => (
        <div className="field field--check" key={suffix}>
          <input
            id={`${id}-${suffix}`}
            type="checkbox"
            checked={value}
            onChange={(e) => set(e.target.checked)}
          />
          <label htmlFor={`${id}-${suffix}`}>{t(key)}</label>
        </div>
      ))}
    </EditorFrame>
  );
}
