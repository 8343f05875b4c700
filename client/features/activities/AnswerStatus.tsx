import type { ActivityView } from '../../../shared/domain/types';
import { useT } from '../../i18n';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string };

/** The line under an answer form: saved, saving, an error (announced at once), or closed. */
export function AnswerStatus(props: {
  state: SaveState;
  activity: ActivityView;
  answered: boolean;
  readOnly?: boolean;
}) {
  const t = useT();
  const { state, activity } = props;
  const error = state.kind === 'error';
  const text =
    state.kind === 'saved'
      ? t('poll.saved')
      : state.kind === 'saving'
        ? t('common.saving')
        : error
          ? state.message
          : props.readOnly
            ? t('flow.readOnlyAnswer')
            : activity.status === 'closed'
              ? t('poll.isClosed')
              : props.answered && activity.status === 'open'
                ? t('toolkit.youAnswered')
                : '';
  return (
    <p className={error ? 'field-error' : 'saved-status'} role={error ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
