import { useId, useRef, useState } from 'react';
import {
  DEFAULT_SCALE_LEVELS,
  DEFAULT_SCALE_QUESTION,
  SEED_SCALE_LEVELS,
} from '../../../shared/domain/activities';
import { LIMITS } from '../../../shared/domain/limits';
import type { ScaleSpec } from '../../../shared/protocol/schemas/activity';
import { useT } from '../../i18n';
import { EditorFrame } from '../activities/EditorFrame';
import type { EditorProps } from '../activities/kindProps';
import { QuestionField } from '../activities/QuestionField';

const MIN_LEVELS = 2;
const MAX_LEVELS = 10;

/**
 * [POLL1] Ready-made scales: the default, and the reference meeting's own words for a group that
 * keeps asking the same question and wants to compare with earlier answers.
 */
const PRESETS = { standard: DEFAULT_SCALE_LEVELS, earlier: SEED_SCALE_LEVELS } as const;
type Preset = keyof typeof PRESETS;
const presetOf = (levels: readonly string[]): Preset | 'own' =>
  (Object.keys(PRESETS) as Preset[]).find(
    (k) => PRESETS[k].length === levels.length && PRESETS[k].every((l, i) => l === levels[i]),
  ) ?? 'own';

/** [POLL1][POLL2] Create or edit a scale poll: question, 2–10 labelled levels, anonymity, agenda item. */
export function ScaleEditor(props: EditorProps<ScaleSpec>) {
  const t = useT();
  const id = useId();
  const ex = props.existing;
  const [question, setQuestion] = useState(ex?.spec.question ?? DEFAULT_SCALE_QUESTION);
  const [levels, setLevels] = useState<string[]>(ex ? [...ex.spec.levels] : [...DEFAULT_SCALE_LEVELS]);
  const levelRefs = useRef<(HTMLInputElement | null)[]>([]);

  const setLevel = (i: number, v: string) => setLevels((ls) => ls.map((l, j) => (j === i ? v : l)));
  const addLevel = () => {
    setLevels((ls) => [...ls, '']);
    requestAnimationFrame(() => levelRefs.current[levels.length]?.focus());
  };
  const removeLevel = (i: number) => {
    setLevels((ls) => ls.filter((_, j) => j !== i));
    requestAnimationFrame(() => levelRefs.current[Math.max(0, i - 1)]?.focus());
  };

  const build = () => {
    const clean = levels.map((l) => l.trim());
    if (!question.trim()) return t('editor.questionMissing');
    if (clean.some((l) => !l)) return t('editor.levelMissing');
    return { kind: 'scale' as const, question: question.trim(), levels: clean };
  };

  return (
    <EditorFrame
      heading={ex ? t('editor.editPoll') : t('editor.newPoll')}
      createLabel={t('editor.create')}
      {...props}
      build={build}
    >
      <QuestionField value={question} onChange={setQuestion} required />
      <fieldset className="levels-editor">
        <legend>{t('editor.levels', { n: levels.length })}</legend>
        <p className="hint">{t('editor.levelsHint')}</p>
        <div className="field">
          <label htmlFor={`${id}-preset`}>{t('editor.scalePreset')}</label>
          <select
            id={`${id}-preset`}
            value={presetOf(levels)}
            onChange={(e) => {
              const k = e.target.value as Preset | 'own';
              if (k !== 'own') setLevels([...PRESETS[k]]);
            }}
          >
            <option value="standard">{t('editor.presetStandard')}</option>
            <option value="earlier">{t('editor.presetEarlier')}</option>
            {presetOf(levels) === 'own' ? <option value="own">{t('editor.presetOwn')}</option> : null}
          </select>
        </div>
        <ol>
          {levels.map((l, i) => (
            <li key={i} className="row">
              <label htmlFor={`${id}-lv${i}`} className="visually-hidden">
                {t('editor.levelN', { n: i + 1 })}
              </label>
              <input
                id={`${id}-lv${i}`}
                ref={(el) => {
                  levelRefs.current[i] = el;
                }}
                value={l}
                maxLength={LIMITS.levelLabel}
                onChange={(e) => setLevel(i, e.target.value)}
              />
              <button
                type="button"
                className="btn btn--quiet"
                onClick={() => removeLevel(i)}
                disabled={levels.length <= MIN_LEVELS}
                aria-label={t('editor.removeLevelN', { n: i + 1, label: l })}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="btn" onClick={addLevel} disabled={levels.length >= MAX_LEVELS}>
          {t('editor.addLevel')}
        </button>
      </fieldset>
    </EditorFrame>
  );
}
