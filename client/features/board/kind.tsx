import { type ComponentType, lazy, Suspense } from 'react';
import type { ActivityView } from '../../../shared/domain/types';
import type { BreakoutSpec } from '../../../shared/protocol/schemas/board';
import { useT } from '../../i18n';
import type { KindUi } from '../activities/registry';

// The whole break-out and board UI loads on demand: a participant's first screen stays small.
const BreakoutParticipant = lazy(() => import('./BreakoutParticipant'));
const BreakoutStaff = lazy(() => import('./BreakoutStaff'));
const BreakoutEditor = lazy(() => import('./BreakoutEditor'));
const BreakoutScreen = lazy(() => import('./BreakoutScreen'));
const BreakoutEnd = lazy(() => import('./BreakoutEnd'));

function Loading() {
  const t = useT();
  return (
    <p className="muted" role="status">
      {t('board.loading')}
    </p>
  );
}

function later<P extends object>(C: ComponentType<P>): ComponentType<P> {
  return function Lazy(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <C {...props} />
      </Suspense>
    );
  };
}

export const BREAKOUT_UI: KindUi = {
  label: (t) => t('kind.breakout'),
  title: (a: ActivityView) => {
    if (a.spec.kind !== 'breakout') return '';
    const qs = (a.spec as BreakoutSpec).questions;
    return qs.length > 1 ? `${qs[0]} (+${qs.length - 1})` : (qs[0] ?? '');
  },
  Answer: later(BreakoutParticipant) as KindUi['Answer'],
  Results: () => null,
  Editor: later(BreakoutEditor) as KindUi['Editor'],
  noReveal: true,
  openLabel: (t, again) => (again ? t('breakout.restart') : t('breakout.start')),
  closeLabel: (t) => t('breakout.end'),
  CloseControl: later(BreakoutEnd) as KindUi['CloseControl'],
  Staff: later(BreakoutStaff) as KindUi['Staff'],
  Screen: later(BreakoutScreen) as KindUi['Screen'],
};
