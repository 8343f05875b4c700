import { useId, useState } from 'react';
import { can } from '../../../shared/domain/roles';
import type { ActivityView } from '../../../shared/domain/types';
import { CONTENT_LANG, useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import { ConfirmRemove } from '../common/ConfirmRemove';
import { FieldError } from '../common/FieldError';
import { focusWhenReady } from '../common/focus';
import { EditorSlot } from './EditorSlot';
import { KINDS } from './registry';
import { StatusBadge } from './StatusBadge';

/**
 * [POLL3][POLL7][POLL8] An activity as the facilitator and secretary see it: state, live progress
 * ("n van m beantwoord"), live results; the controls only for whom `can` allows.
 */
export function StaffActivityCard({
  activity,
  headingLevel,
}: {
  activity: ActivityView;
  headingLevel: 3 | 4;
}) {
  const t = useT();
  const id = useId();
  const role = useAppStore((s) => s.role);
  const results = useAppStore((s) => s.results[activity.id]);
  const progress = useAppStore((s) => s.progress[activity.id]);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState('');
  const kind = KINDS[activity.spec.kind];
  const manage = can(role ?? undefined, 'activity:manage');
  const H = `h${headingLevel}` as 'h3';
  // [A11Y1] Focus goes to the control that replaces the one just used, never to <body>.
  const focusById = (suffix: string) => focusWhenReady(() => document.getElementById(`${id}-${suffix}`));

  const act = async (
    event: 'activity:open' | 'activity:close' | 'activity:reveal' | 'activity:hide' | 'activity:remove',
  ) => {
    setError('');
    // Removed, the card goes: focus goes to the heading of the agenda item (or list) it was under.
    const home =
      event === 'activity:remove'
        ? document
            .getElementById(`${id}-h`)
            ?.parentElement?.closest('li, section')
            ?.querySelector<HTMLElement>('h2, h3')
        : null;
    const was = document.activeElement;
    const r = await send(event, { id: activity.id });
    if (!r.ok) setError(`${t('common.notSaved')} (${r.message})`);
    else if (home) focusWhenReady(() => home);
    else if (event === 'activity:open' || event === 'activity:close') focusPrimary(was);
  };
  // Opening or closing swaps the main control (a kind's own close control is another element):
  // focus goes to the control that took its place.
  const focusPrimary = (was: Element | null) =>
    focusWhenReady(() => {
      const b = document.getElementById(`${id}-controls`)?.querySelector<HTMLElement>('.btn--primary');
      return b !== was ? b : null;
    });

  if (editing) {
    return (
      <EditorSlot>
        <kind.Editor
          existing={activity}
          agendaItemId={activity.agendaItemId}
          onDone={() => {
            setEditing(false);
            focusById('edit');
          }}
        />
      </EditorSlot>
    );
  }

  return (
    <article className="activity card card--inset" aria-labelledby={`${id}-h`}>
      <div className="activity__head">
        <H id={`${id}-h`} className="activity__title" tabIndex={-1} data-activity-heading={activity.id}>
          <span className="activity__kind">{kind.label(t)}</span>{' '}
          <bdi lang={CONTENT_LANG}>{kind.title(activity)}</bdi>
        </H>
        <StatusBadge activity={activity} />
      </div>
      {activity.status !== 'draft' && progress && !kind.noReveal ? (
        <p className="progress-line" aria-live="polite">
          <meter min={0} max={Math.max(progress.total, 1)} value={progress.answered} aria-hidden="true" />{' '}
          {t('poll.progress', { n: progress.answered, m: progress.total })}
        </p>
      ) : null}
      {manage ? (
        <div id={`${id}-controls`} className="row controls" aria-label={t('activity.controls')} role="group">
          {activity.status !== 'open' ? (
            <button type="button" className="btn btn--primary" onClick={() => act('activity:open')}>
              {kind.openLabel?.(t, activity.status !== 'draft') ??
                (activity.status === 'draft' ? t('activity.open') : t('activity.reopen'))}
            </button>
          ) : kind.CloseControl ? (
            <kind.CloseControl activity={activity} onError={setError} onDone={focusPrimary} />
          ) : (
            <button type="button" className="btn btn--primary" onClick={() => act('activity:close')}>
              {kind.closeLabel?.(t) ?? t('activity.close')}
            </button>
          )}
          {kind.noReveal ? null : activity.revealed ? (
            <button type="button" className="btn" onClick={() => act('activity:hide')}>
              {t('activity.hide')}
            </button>
          ) : (
            <button
              type="button"
              className="btn"
              onClick={() => act('activity:reveal')}
              disabled={activity.status === 'draft'}
            >
              {t('activity.reveal')}
            </button>
          )}
          <button type="button" id={`${id}-edit`} className="btn btn--quiet" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </button>
          <ConfirmRemove question={t('activity.confirmRemove')} onRemove={() => act('activity:remove')} />
        </div>
      ) : null}
      <FieldError message={error} />
      {kind.Staff ? <kind.Staff activity={activity} /> : null}
      {activity.status !== 'draft' && results && !kind.Staff ? (
        <details className="live-results" open>
          <summary>
            {activity.revealed ? t('activity.resultsShown') : t('activity.resultsHiddenForOthers')}
          </summary>
          <kind.Results activity={activity} results={results} headingLevel={(headingLevel + 1) as 4 | 5} />
        </details>
      ) : null}
    </article>
  );
}
