import { useId, useState } from 'react';
import { DEFAULT_STATEMENT_LABELS, DEFAULT_STATEMENTS_QUESTION } from '../../../shared/domain/activities';
import { LIMITS } from '../../../shared/domain/limits';
import type { StatementsSpec } from '../../../shared/protocol/schemas/activity';
import { useT } from '../../i18n';
import { EditorFrame } from '../activities/EditorFrame';
import type { EditorProps } from '../activities/kindProps';
import { TextListEditor } from '../activities/TextListEditor';

/** [STMT1] Create or edit statements: the question, 1–20 statements, the three labels, neutral or not. */
export default function StatementsEditor(props: EditorProps<StatementsSpec>) {
  const t = useT();
  const id = useId();
  const ex = props.existing?.spec;
  const [question, setQuestion] = useState(ex?.question ?? DEFAULT_STATEMENTS_QUESTION);
  const [statements, setStatements] = useState<string[]>(ex ? [...ex.statements] : ['']);
  const [labels, setLabels] = useState(ex?.labels ?? { ...DEFAULT_STATEMENT_LABELS });
  const [neutral, setNeutral] = useState(ex?.neutral ?? true);

  const build = () => {
    const clean = statements.map((s) => s.trim());
    if (!question.trim()) return t('editor.questionMissing');
    if (clean.length === 0 || clean.some((s) => !s)) return t('stmt.statementMissing');
    const l = {
      agree: labels.agree.trim(),
      neutral: labels.neutral.trim(),
      disagree: labels.disagree.trim(),
    };
    if (!l.agree || !l.neutral || !l.disagree) return t('stmt.labelMissing');
    return { kind: 'statements' as const, question: question.trim(), statements: clean, labels: l, neutral };
  };

  return (
    <EditorFrame
      heading={props.existing ? t('stmt.edit') : t('stmt.new')}
      createLabel={t('stmt.create')}
      {...props}
      build={build}
    >
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('stmt.intro')}</label>
        <input
          id={`${id}-q`}
          value={question}
          maxLength={LIMITS.question}
          onChange={(e) => setQuestion(e.target.value)}
        />
      </div>
      <TextListEditor
        legend={t('stmt.statements', { n: statements.length })}
        hint={t('stmt.statementsHint')}
        items={statements}
        onChange={setStatements}
        itemLabel={(n) => t('stmt.statementN', { n })}
        addLabel={t('stmt.addStatement')}
        min={1}
        max={LIMITS.statementsPerActivity}
        maxLength={LIMITS.statement}
      />
      <fieldset className="labels-editor">
        <legend>{t('stmt.labels')}</legend>
        <div className="row">
          {(['agree', 'neutral', 'disagree'] as const).map((k) => (
            <div className="field" key={k}>
              <label htmlFor={`${id}-${k}`}>{t(`stmt.label.${k}`)}</label>
              <input
                id={`${id}-${k}`}
                value={labels[k]}
                maxLength={LIMITS.levelLabel}
                disabled={k === 'neutral' && !neutral}
                onChange={(e) => setLabels((l) => ({ ...l, [k]: e.target.value }))}
              />
            </div>
          ))}
        </div>
        <div className="field field--check">
          <input
            id={`${id}-neutral`}
            type="checkbox"
            checked={neutral}
            onChange={(e) => setNeutral(e.target.checked)}
          />
          <label htmlFor={`${id}-neutral`}>{t('stmt.offerNeutral')}</label>
        </div>
      </fieldset>
    </EditorFrame>
  );
}
