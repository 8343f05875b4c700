import { type FormEvent, useId, useRef, useState } from 'react';
import {
  DEFAULT_SCALE_LEVELS,
  DEFAULT_SCALE_QUESTION,
  SEED_SCALE_LEVELS,
} from '../../../shared/domain/activities';
import { newId } from '../../../shared/domain/ids';
import { LIMITS } from '../../../shared/domain/limits';
import type { ActivityView } from '../../../shared/domain/types';
import type { ScaleSpec } from '../../../shared/protocol/schemas/activity';
import { useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';

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
export function ScaleEditor(props: {
  existing?: ActivityView<ScaleSpec>;
  agendaItemId: string | null;
  /** With the id of the saved activity; without it after "Annuleren". */
  onDone: (savedId?: string) => void;
}) {
  const t = useT();
  const id = useId();
  const agenda = useAppStore((s) => s.agenda);
  const ex = props.existing;
  const [question, setQuestion] = useState(ex?.spec.question ?? DEFAULT_SCALE_QUESTION);
  const [levels, setLevels] = useState<string[]>(ex ? [...ex.spec.levels] : [...DEFAULT_SCALE_LEVELS]);
  const [anonymous, setAnonymous] = useState(ex?.anonymous ?? false);
  const [itemId, setItemId] = useState<string>(ex?.agendaItemId ?? props.agendaItemId ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
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

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const clean = levels.map((l) => l.trim());
    if (!question.trim()) return setError(t('editor.questionMissing'));
    if (clean.some((l) => !l)) return setError(t('editor.levelMissing'));
    setBusy(true);
    setError('');
    const spec = { kind: 'scale' as const, question: question.trim(), levels: clean };
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
    else setError(r.error === 'conflict' ? t('editor.hasAnswers') : `${t('common.notSaved')} (${r.message})`);
  };

  return (
    <form className="editor card card--inset" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{ex ? t('editor.editPoll') : t('editor.newPoll')}</h4>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('editor.question')}</label>
        <textarea
          id={`${id}-q`}
          value={question}
          rows={2}
          maxLength={LIMITS.question}
          onChange={(e) => setQuestion(e.target.value)}
          required
        />
      </div>
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
      <div className="field field--check">
        <input
          id={`${id}-anon`}
          type="checkbox"
          checked={anonymous}
          disabled={ex !== undefined && ex.status !== 'draft'}
          onChange={(e) => setAnonymous(e.target.checked)}
        />
        <label htmlFor={`${id}-anon`}>{t('editor.anonymous')}</label>
      </div>
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
          {ex ? t('common.save') : t('editor.create')}
        </button>
        <button type="button" className="btn btn--quiet" onClick={() => props.onDone()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
