import { useId } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import { useT } from '../../i18n';

/** An activity editor's question: a labelled text field of two lines. */
export function QuestionField(props: {
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  required?: boolean;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-q`}>{t('editor.question')}</label>
      <textarea
        id={`${id}-q`}
        rows={2}
        value={props.value}
        maxLength={LIMITS.question}
        placeholder={props.placeholder}
        required={props.required}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}
