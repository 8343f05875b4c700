import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { newId } from '../../../shared/domain/ids';
import { LIMITS } from '../../../shared/domain/limits';
import type { ActivityView, MyResponse } from '../../../shared/domain/types';
import type { ScaleSpec } from '../../../shared/protocol/schemas/activity';
import { CONTENT_LANG, useT } from '../../i18n';
import { send } from '../../send';
import { useFocusOnOutcome } from '../common/focus';

/**
 * [POLL4][POLL5] Place yourself on the scale, with an optional explanation. Radio buttons: arrow
 * keys move between levels, no dragging. An answer from another tab shows up here too.
 */
export function ScaleAnswer({
  activity,
  mine,
  readOnly = false,
}: {
  activity: ActivityView<ScaleSpec>;
  mine: MyResponse | undefined;
  /** [FLOW2] Looking back at an earlier item: the answer shows, the form is off. */
  readOnly?: boolean;
}) {
  const t = useT();
  const id = useId();
  const stored = mine?.value as { level: number } | undefined;
  const [level, setLevel] = useState<number | null>(stored?.level ?? null);
  const [note, setNote] = useState(mine?.note ?? '');
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'retracted' | 'error'>('idle');
  const [error, setError] = useState('');
  // [A11Y1] After "Antwoord opslaan" or "Antwoord intrekken" focus goes to the message saying so.
  const message = useRef<HTMLParagraphElement>(null);
  useFocusOnOutcome(message, status);

  // Take over an answer given in another tab, unless this form has unsaved edits.
  useEffect(() => {
    if (dirty) return;
    setLevel((mine?.value as { level: number } | undefined)?.level ?? null);
    setNote(mine?.note ?? '');
  }, [mine, dirty]);

  const open = activity.status === 'open' && !readOnly;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (level === null) {
      setError(t('poll.chooseLevel'));
      setStatus('error');
      return;
    }
    setStatus('saving');
    setError('');
    const r = await send('response:submit', { id: newId(), activityId: activity.id, value: { level }, note });
    if (r.ok) {
      setDirty(false);
      setStatus('saved');
    } else {
      setStatus('error');
      setError(r.error === 'closed' ? t('poll.closedNow') : `${t('common.notSaved')} (${r.message})`);
    }
  };
  const retract = async () => {
    const r = await send('response:retract', { activityId: activity.id });
    if (r.ok) {
      setLevel(null);
      setNote('');
      setDirty(false);
      setStatus('retracted');
    }
  };

  return (
    <form className="scale-answer" onSubmit={submit} noValidate>
      <fieldset disabled={!open}>
        <legend className="activity__question" dir="auto" lang={CONTENT_LANG}>
          {activity.spec.question}
        </legend>
        <div
          className="scale-options"
          style={{ '--levels': activity.spec.levels.length } as React.CSSProperties}
        >
          {activity.spec.levels.map((label, i) => (
            <div className="scale-option" key={`${i}-${label}`}>
              <input
                type="radio"
                id={`${id}-l${i}`}
                name={`${id}-level`}
                value={i}
                checked={level === i}
                onChange={() => {
                  setLevel(i);
                  setDirty(true);
                  setStatus('idle');
                }}
              />
              <label htmlFor={`${id}-l${i}`}>
                <span className="scale-option__num" aria-hidden="true">
                  {i + 1}
                </span>
                <span lang={CONTENT_LANG}>{label}</span>
              </label>
            </div>
          ))}
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('poll.noteLabel')}</label>
          <textarea
            id={`${id}-note`}
            value={note}
            rows={3}
            maxLength={LIMITS.note}
            onChange={(e) => {
              setNote(e.target.value);
              setDirty(true);
              setStatus('idle');
            }}
            aria-describedby={`${id}-count`}
          />
          <p className="hint" id={`${id}-count`}>
            {t('common.charsLeft', { n: LIMITS.note - note.length })}
          </p>
        </div>
        {!activity.anonymous ? (
          <p className="hint">{t('poll.notAnonymousHint')}</p>
        ) : (
          <p className="hint">{t('poll.anonymousHint')}</p>
        )}
        <div className="row">
          <button type="submit" className="btn btn--primary" disabled={status === 'saving'}>
            {mine ? t('poll.update') : t('poll.save')}
          </button>
          {mine ? (
            <button type="button" className="btn btn--quiet" onClick={retract}>
              {t('poll.retract')}
            </button>
          ) : null}
        </div>
      </fieldset>
      <p
        ref={message}
        tabIndex={-1}
        className={status === 'error' ? 'field-error' : 'saved-status'}
        role={status === 'error' ? 'alert' : 'status'}
      >
        {status === 'saved'
          ? t('poll.saved')
          : status === 'retracted'
            ? t('poll.retracted')
            : status === 'saving'
              ? t('common.saving')
              : status === 'error'
                ? error
                : !open
                  ? readOnly
                    ? t('flow.readOnlyAnswer')
                    : activity.status === 'closed'
                      ? t('poll.isClosed')
                      : ''
                  : mine && !dirty
                    ? t('poll.youAnswered', {
                        level: activity.spec.levels[(mine.value as { level: number }).level] ?? '',
                      })
                    : ''}
      </p>
    </form>
  );
}
