import { useId, useState } from 'react';
import { DEFAULT_WORDS_QUESTION } from '../../../shared/domain/activities';
import { LIMITS } from '../../../shared/domain/limits';
import type { WordsSpec } from '../../../shared/protocol/schemas/activity';
import { useT } from '../../i18n';
import { EditorFrame } from '../activities/EditorFrame';
import type { EditorProps } from '../activities/kindProps';
import { QuestionField } from '../activities/QuestionField';

/** [WORDS1] Create or edit an open-words question: the question and how many words each person gives. */
export default function WordsEditor(props: EditorProps<WordsSpec>) {
  const t = useT();
  const id = useId();
  const ex = props.existing?.spec;
  const [question, setQuestion] = useState(ex?.question ?? DEFAULT_WORDS_QUESTION);
  const [maxWords, setMaxWords] = useState(ex?.maxWords ?? 3);
  const build = () =>
    question.trim()
      ? { kind: 'words' as const, question: question.trim(), maxWords }
      : t('editor.questionMissing');
  return (
    <EditorFrame
      heading={props.existing ? t('words.edit') : t('words.new')}
      createLabel={t('words.create')}
      {...props}
      build={build}
    >
      <QuestionField value={question} onChange={setQuestion} />
      <div className="field">
        <label htmlFor={`${id}-n`}>{t('words.maxWords')}</label>
        <select
          id={`${id}-n`}
          value={maxWords}
          onChange={(e) => setMaxWords(Number(e.target.value))}
          className="input--short"
        >
          {Array.from({ length: LIMITS.wordsPerAnswer }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
    </EditorFrame>
  );
}
