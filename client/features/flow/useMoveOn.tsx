import { type ReactNode, useState } from 'react';
import type { ActivityView } from '../../../shared/domain/types';
import { useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import { sortedActivities } from '../../store/activitySlice';
import { KINDS } from '../activities/registry';
import { ConfirmDialog } from '../common/ConfirmDialog';

/**
 * [FLOW5] Moving the meeting to another agenda item. When activities of the item the meeting is at
 * are still open, the facilitator is asked first ("Peiling sluiten?"): close them and go on (the
 * default: Enter), leave them open and go on, or stay. Without open activities it just goes.
 * Answers `go(itemId)`, the dialog to render, and an error line.
 */
export function useMoveOn(): { go(itemId: string | null): void; dialog: ReactNode; error: string } {
  const t = useT();
  const currentItemId = useAppStore((s) => s.meeting?.currentItemId ?? null);
  const activities = useAppStore((s) => s.activities);
  const agenda = useAppStore((s) => s.agenda);
  const [asking, setAsking] = useState<{ to: string | null; open: ActivityView[] } | null>(null);
  const [error, setError] = useState('');

  const move = async (to: string | null, close: ActivityView[]) => {
    setAsking(null);
    for (const a of close) {
      const r = await send('activity:close', { id: a.id });
      if (!r.ok) return setError(`${t('common.notSaved')} (${r.message})`);
    }
    const r = await send('meeting:goto', { itemId: to });
    setError(r.ok ? '' : `${t('common.notSaved')} (${r.message})`);
  };
  const go = (to: string | null) => {
    const open = sortedActivities(activities).filter(
      (a) => currentItemId !== null && a.agendaItemId === currentItemId && a.status === 'open',
    );
    if (to === currentItemId || open.length === 0) return void move(to, []);
    setAsking({ to, open });
  };

  let dialog: ReactNode = null;
  if (asking) {
    const [only] = asking.open;
    const kind = only && asking.open.length === 1 ? KINDS[only.spec.kind] : null;
    const title = kind
      ? kind.closeLabel
        ? `${kind.closeLabel(t)}?`
        : t('flow.closeOne', { what: kind.label(t) })
      : t('flow.closeMany', { n: asking.open.length });
    const target = agenda.find((i) => i.id === asking.to)?.title ?? '';
    dialog = (
      <ConfirmDialog
        title={title}
        choices={[
          { label: t('flow.closeAndGo'), run: () => void move(asking.to, asking.open), kind: 'primary' },
          { label: t('flow.leaveOpenAndGo'), run: () => void move(asking.to, []) },
        ]}
        cancelLabel={t('flow.stayHere')}
        onCancel={() => setAsking(null)}
      >
        <p>{t('flow.stillOpen', { title: target })}</p>
        <ul>
          {asking.open.map((a) => (
            <li key={a.id}>
              {KINDS[a.spec.kind].label(t)}: {KINDS[a.spec.kind].title(a)}
            </li>
          ))}
        </ul>
        <p>{t('flow.closeHint', { n: asking.open.length })}</p>
      </ConfirmDialog>
    );
  }
  return { go, dialog, error };
}
