import { useId, useState } from 'react';
import { DEFAULT_POINTS_BUDGET } from '../../../shared/domain/activities';
import { LIMITS } from '../../../shared/domain/limits';
import type { ChoiceMode, ChoiceSpec } from '../../../shared/protocol/schemas/activity';
import { useT } from '../../i18n';
import { EditorFrame } from '../activities/EditorFrame';
import type { EditorProps } from '../activities/kindProps';
import { QuestionField } from '../activities/QuestionField';
import { TextListEditor } from '../activities/TextListEditor';

// Listed here, not imported from the schemas: that would pull zod into the client.
const CHOICE_MODES: ChoiceMode[] = ['single', 'multiple', 'rank', 'points'];

/** [CHOICE1] Create or edit a choice or ranking question: options, and how people answer. */
export default function ChoiceEditor(props: EditorProps<ChoiceSpec>) {
  const t = useT();
  const id = useId();
  const ex = props.existing?.spec;
  const [question, setQuestion] = useState(ex?.question ?? '');
  const [options, setOptions] = useState<string[]>(ex ? [...ex.options] : ['', '']);
  const [mode, setMode] = useState<ChoiceMode>(ex?.mode ?? 'single');
  const [maxChoices, setMaxChoices] = useState(String(ex?.maxChoices ?? ''));
  const [budget, setBudget] = useState(String(ex?.budget ?? DEFAULT_POINTS_BUDGET));

  const build = () => {
    const clean = options.map((o) => o.trim());
    if (!question.trim()) return t('editor.questionMissing');
    if (clean.length < 2 || clean.some((o) => !o)) return t('choice.optionMissing');
    if (new Set(clean.map((o) => o.toLocaleLowerCase('nl'))).size !== clean.length)
      return t('choice.optionTwice');
    const spec: ChoiceSpec = { kind: 'choice', question: question.trim(), options: clean, mode };
    if (mode === 'multiple' && maxChoices.trim()) {
      const k = Number(maxChoices);
      if (!Number.isInteger(k) || k < 1 || k > clean.length)
        return t('choice.maxInvalid', { n: clean.length });
      spec.maxChoices = k;
    }
    if (mode === 'points') {
      const b = Number(budget);
      if (!Number.isInteger(b) || b < 1 || b > LIMITS.pointsBudget)
        return t('choice.budgetInvalid', { max: LIMITS.pointsBudget });
      spec.budget = b;
    }
    return spec;
  };

  return (
    <EditorFrame
      heading={props.existing ? t('choice.edit') : t('choice.new')}
      createLabel={t('choice.create')}
      {...props}
      build={build}
    >
      <QuestionField value={question} onChange={setQuestion} placeholder={t('choice.questionPlaceholder')} />
      <TextListEditor
        legend={t('choice.options', { n: options.length })}
        items={options}
        onChange={setOptions}
        itemLabel={(n) => t('choice.optionN', { n })}
        addLabel={t('choice.addOption')}
        min={2}
        max={LIMITS.options}
        maxLength={LIMITS.option}
      />
      <fieldset>
        <legend>{t('choice.mode')}</legend>
        {CHOICE_MODES.map((m) => (
          <div className="field field--check" key={m}>
            <input
              type="radio"
              id={`${id}-m-${m}`}
              name={`${id}-mode`}
              checked={mode === m}
              onChange={() => setMode(m)}
            />
            <label htmlFor={`${id}-m-${m}`}>{t(`choice.mode.${m}`)}</label>
          </div>
        ))}
      </fieldset>
      {mode === 'multiple' ? (
        <div className="field">
          <label htmlFor={`${id}-max`}>{t('choice.maxChoices')}</label>
          <input
            id={`${id}-max`}
            type="number"
            inputMode="numeric"
            min={1}
            max={options.length}
            value={maxChoices}
            onChange={(e) => setMaxChoices(e.target.value)}
            className="input--short"
          />
        </div>
      ) : null}
      {mode === 'points' ? (
        <div className="field">
          <label htmlFor={`${id}-budget`}>{t('choice.budget')}</label>
          <input
            id={`${id}-budget`}
            type="number"
            inputMode="numeric"
            min={1}
            max={LIMITS.pointsBudget}
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
            className="input--short"
          />
        </div>
      ) : null}
    </EditorFrame>
  );
}
