import { useRef } from 'react';
import type { ActivityView } from '../../../shared/domain/types';
import { useT } from '../../i18n';
import { useFocusOnOutcome } from '../common/focus';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'retracted' }
  | { kind: 'error'; message: string };

/**
 * The line under an answer form: saved, saving, taken back, an error (announced at once), or
 * closed. [A11Y1] It takes focus when a save or a retraction is done.
 */
export function AnswerStatus(props: {
  state: SaveState;
  activity: ActivityView;
  answered: boolean;
  readOnly?: boolean;
  /** What to say when the answer shown is the one stored; "Je hebt geantwoord." by default. */
  answeredText?: string;
}) {
  const t = useT();
  const { state, activity } = props;
  const error = state.kind === 'error';
  const ref = useRef<HTMLParagraphElement>(null);
  useFocusOnOutcome(ref, state.kind);
  const text =
    state.kind === 'saved'
      ? t('poll.saved')
      : state.kind === 'retracted'
        ? t('poll.retracted')
        : state.kind === 'saving'
          ? t('common.saving')
          : error
            ? state.message
            : props.readOnly
              ? t('flow.readOnlyAnswer')
              : activity.status === 'closed'
                ? t('poll.isClosed')
                : props.answered && activity.status === 'open'
                  ? (props.answeredText ?? t('toolkit.youAnswered'))
                  : '';
  return (
    <p
      ref={ref}
      tabIndex={-1}
      className={error ? 'field-error' : 'saved-status'}
      role={error ? 'alert' : 'status'}
    >
      {text}
    </p>
  );
}
