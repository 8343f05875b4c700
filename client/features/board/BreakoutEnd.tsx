import { useRef, useState } from 'react';
import type { ActivityView } from '../../../shared/domain/types';
import { useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { RoomTimerState } from '../timer/RoomTimers';

/**
 * [BOARD18] "Break-outs beëindigen" asks first: end in 60 seconds (the default: everyone gets a
 * minute to wrap up, and the server ends the rooms by itself), end now, or cancel. While such a
 * countdown runs, only "end now" is left.
 */
export default function BreakoutEnd({
  activity,
  onError,
  onDone,
}: {
  activity: ActivityView;
  onError(message: string): void;
  onDone?(control: Element | null): void;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const t = useT();
  const bo = useAppStore((s) => s.breakouts[activity.id]);
  const [asking, setAsking] = useState(false);
  const counting = !!bo?.endsAt;
  const first = [...(bo?.rooms ?? [])].sort((a, b) => a.index - b.index)[0];
  const end = async (inSeconds: number) => {
    setAsking(false);
    const r = await send('breakout:end', { activityId: activity.id, inSeconds });
    onError(r.ok ? '' : `${t('common.notSaved')} (${r.message})`);
    if (r.ok && inSeconds === 0) onDone?.(button.current);
  };
  return (
    <>
      <button ref={button} type="button" className="btn btn--primary" onClick={() => setAsking(true)}>
        {t('breakout.end')}
      </button>
      {asking ? (
        <ConfirmDialog
          title={t('breakout.endAsk')}
          choices={[
            ...(counting
              ? []
              : [{ label: t('breakout.endIn60'), run: () => void end(60), kind: 'primary' as const }]),
            {
              label: t('breakout.endNow'),
              run: () => void end(0),
              ...(counting ? { kind: 'primary' as const } : {}),
            },
          ]}
          cancelLabel={t('common.cancel')}
          onCancel={() => setAsking(false)}
        >
          <p>{t('breakout.endExplain')}</p>
          {counting && first ? (
            <p>
              {t('breakout.endCounting')} {t('breakout.closingIn')}: <RoomTimerState roomId={first.id} />
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
