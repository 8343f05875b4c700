import { useT } from '../../i18n';

/** Under an answer form: save (or update an answer given), and take a given answer back. */
export function AnswerButtons(props: {
  saving: boolean;
  /** An answer is stored: "update" instead of "save", and it can be taken back. */
  given: boolean;
  onRetract(): void;
  labels?: { save: string; update: string };
}) {
  const t = useT();
  const labels = props.labels ?? { save: t('poll.save'), update: t('poll.update') };
  return (
    <div className="row">
      <button type="submit" className="btn btn--primary" disabled={props.saving}>
        {props.given ? labels.update : labels.save}
      </button>
      {props.given ? (
        <button type="button" className="btn btn--quiet" onClick={props.onRetract}>
          {t('poll.retract')}
        </button>
      ) : null}
    </div>
  );
}
