import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { FieldError } from '../common/FieldError';
import { Interpolated, SLOT } from '../common/Interpolated';
import { positionOf } from './position';
import { useMoveOn } from './useMoveOn';

/**
 * [FLOW1] The facilitator's "Nu": where the meeting is, and the buttons to go to the previous or
 * next agenda item. Everyone follows automatically.
 */
export function FlowBar() {
  const t = useT();
  const agenda = useAppStore((s) => s.agenda);
  const currentItemId = useAppStore((s) => s.meeting?.currentItemId ?? null);
  // [FLOW5] Open activities of this item: ask before moving on.
  const { go, dialog, error } = useMoveOn();
  const pos = positionOf(agenda, currentItemId);
  if (agenda.length === 0) return null;
  return (
    <section className="card flow-bar" aria-labelledby="flow-h">
      <h2 id="flow-h">{t('flow.heading')}</h2>
      <p className="flow-bar__now" aria-live="polite">
        {pos.current ? (
          <Interpolated
            text={t('flow.nowAt', { n: pos.index + 1, total: pos.total, title: SLOT })}
            value={pos.current.title}
          />
        ) : (
          t('flow.notStarted')
        )}
      </p>
      <div className="row controls" role="group" aria-label={t('flow.controls')}>
        {pos.previous ? (
          <button type="button" className="btn" onClick={() => go(pos.previous!.id)}>
            ← <Interpolated text={t('flow.previous', { title: SLOT })} value={pos.previous.title} />
          </button>
        ) : null}
        {pos.next ? (
          <button type="button" className="btn btn--primary" onClick={() => go(pos.next!.id)}>
            <Interpolated
              text={pos.current ? t('flow.next', { title: SLOT }) : t('flow.begin', { title: SLOT })}
              value={pos.next.title}
            />{' '}
            →
          </button>
        ) : (
          <span className="muted">{t('flow.lastItem')}</span>
        )}
      </div>
      <p className="hint">{t('flow.followHint')}</p>
      <FieldError message={error} />
      {dialog}
    </section>
  );
}

/** "Naar dit punt" on an agenda row (facilitator). */
export function GotoItemButton({ itemId, title }: { itemId: string; title: string }) {
  const t = useT();
  const current = useAppStore((s) => s.meeting?.currentItemId === itemId);
  const { go, dialog, error } = useMoveOn();
  if (current) return null;
  return (
    <>
      <button type="button" className="btn btn--quiet" onClick={() => go(itemId)}>
        {t('flow.gotoItem')}
        <span className="visually-hidden"> {title}</span>
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
      {dialog}
    </>
  );
}
