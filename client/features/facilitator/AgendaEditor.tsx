import { useId, useRef, useState } from 'react';
import type { AgendaItem } from '../../../shared/domain/types';
import { CONTENT_LANG, useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import { sortedActivities } from '../../store/activitySlice';
import { EditorSlot } from '../activities/EditorSlot';
import { StaffActivityCard } from '../activities/StaffActivityCard';
import { ConfirmRemove } from '../common/ConfirmRemove';
import { FieldError } from '../common/FieldError';
import { focusWhenReady } from '../common/focus';
import { GotoItemButton } from '../flow/FlowBar';
import { AddAgendaItem, AgendaItemForm } from './AgendaItemForm';
import { NewActivity } from './NewActivity';

/**
 * [AGENDA1–AGENDA4] The agenda with its activities nested under each item. Reordering is done with
 * buttons (no dragging); focus stays on the moved item's button.
 */
export function AgendaEditor() {
  const t = useT();
  const agenda = useAppStore((s) => s.agenda);
  const activities = useAppStore((s) => s.activities);
  const all = sortedActivities(activities);
  const loose = all.filter((a) => a.agendaItemId === null || !agenda.some((i) => i.id === a.agendaItemId));
  const focusAfter = useRef<string | null>(null);

  return (
    <>
      <section className="card" aria-labelledby="agenda-h">
        <h2 id="agenda-h" tabIndex={-1}>
          {t('agenda.heading')}
        </h2>
        {agenda.length === 0 ? <p className="muted">{t('agenda.emptyFacilitator')}</p> : null}
        <ol className="agenda-editor">
          {agenda.map((item, i) => (
            <AgendaRow
              key={item.id}
              item={item}
              index={i}
              total={agenda.length}
              focusAfter={focusAfter}
              activities={all.filter((a) => a.agendaItemId === item.id)}
            />
          ))}
        </ol>
        <AddAgendaItem />
      </section>
      <section className="card" aria-labelledby="loose-h">
        <h2 id="loose-h" tabIndex={-1}>
          {t('agenda.looseHeading')}
        </h2>
        <p className="hint">{t('agenda.looseHint')}</p>
        {loose.map((a) => (
          <StaffActivityCard key={a.id} activity={a} headingLevel={3} />
        ))}
        <NewActivity agendaItemId={null} />
      </section>
    </>
  );
}

function AgendaRow(props: {
  item: AgendaItem;
  index: number;
  total: number;
  activities: ReturnType<typeof sortedActivities>;
  focusAfter: React.MutableRefObject<string | null>;
}) {
  const t = useT();
  const id = useId();
  const { item, index, total } = props;
  const current = useAppStore((s) => s.meeting?.currentItemId === item.id);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState('');
  // [A11Y1] Focus goes to the control that replaces the one just used, never to <body>.
  const focusById = (suffix: string) => focusWhenReady(() => document.getElementById(`${id}-${suffix}`));

  const move = async (to: number, which: 'up' | 'down') => {
    const r = await send('agenda:move', { id: item.id, index: to });
    if (!r.ok) return setError(r.message);
    // Apply the acked order now: if the broadcast reordered the rows after focus was set, the
    // browser would drop focus from the moved button.
    useAppStore.getState().agendaUpdated(r.data);
    // Keep the keyboard where it was: on the same button of the moved item (or its sibling at the edge).
    requestAnimationFrame(() => {
      const el =
        document.querySelector<HTMLButtonElement>(`[data-move="${item.id}-${which}"]:not(:disabled)`) ??
        document.querySelector<HTMLButtonElement>(`[data-move^="${item.id}-"]:not(:disabled)`);
      el?.focus();
    });
  };

  return (
    <li className="agenda-row" aria-labelledby={`${id}-h`}>
      {editing ? (
        <EditorSlot>
          <AgendaItemForm
            item={item}
            onDone={() => {
              setEditing(false);
              focusById('edit');
            }}
          />
        </EditorSlot>
      ) : (
        <>
          <div className="agenda-row__head">
            <h3 id={`${id}-h`} tabIndex={-1}>
              <span className="agenda-row__num">{index + 1}.</span>{' '}
              <span lang={CONTENT_LANG}>{item.title}</span>
              {current ? <span className="badge badge--open">{t('agenda.now')}</span> : null}
            </h3>
            <div
              className="row controls"
              role="group"
              aria-label={t('agenda.itemControls', { title: item.title })}
            >
              <button
                type="button"
                className="btn btn--icon"
                data-move={`${item.id}-up`}
                onClick={() => move(index - 1, 'up')}
                disabled={index === 0}
                aria-label={t('agenda.moveUp', { title: item.title })}
              >
                ↑
              </button>
              <button
                type="button"
                className="btn btn--icon"
                data-move={`${item.id}-down`}
                onClick={() => move(index + 1, 'down')}
                disabled={index === total - 1}
                aria-label={t('agenda.moveDown', { title: item.title })}
              >
                ↓
              </button>
              <GotoItemButton itemId={item.id} title={item.title} />
              <button
                type="button"
                id={`${id}-edit`}
                className="btn btn--quiet"
                onClick={() => setEditing(true)}
              >
                {t('common.edit')}
                <span className="visually-hidden"> {item.title}</span>
              </button>
              <ConfirmRemove
                what={item.title}
                onRemove={async () => {
                  const r = await send('agenda:remove', { id: item.id });
                  if (!r.ok) setError(r.message);
                  else focusWhenReady(() => document.getElementById('agenda-h'));
                }}
              />
            </div>
          </div>
          {item.body ? (
            <p className="agenda-row__body" lang={CONTENT_LANG}>
              {item.body}
            </p>
          ) : null}
        </>
      )}
      <FieldError message={error} />
      {props.activities.map((a) => (
        <StaffActivityCard key={a.id} activity={a} headingLevel={4} />
      ))}
      <NewActivity agendaItemId={item.id} itemTitle={item.title} />
    </li>
  );
}
