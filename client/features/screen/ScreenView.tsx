import { useEffect } from 'react';
import type { ActivityView } from '../../../shared/domain/types';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { sortedActivities } from '../../store/activitySlice';
import { KINDS } from '../activities/registry';
import { Layout } from '../common/Layout';
import { positionOf } from '../flow/position';
import { RefusedOrGone } from '../meeting/AccessProblems';
import { useMeetingConnection } from '../meeting/useMeetingConnection';
import { TimerDisplay } from '../timer/TimerDisplay';
import { JoinPanel } from './JoinPanel';
import './screen.css';

/**
 * [SCREEN2] The activity the screen shows: under the current agenda item the latest open one,
 * else the latest revealed one (or ended break-out: it hides nothing from the screen); with no
 * current item (or nothing there) the same over all items.
 */
export function screenActivity(
  activities: ActivityView[],
  currentItemId: string | null,
): ActivityView | null {
  const started = activities.filter((a) => a.status !== 'draft');
  const shown = (a: ActivityView) => a.revealed || (a.status === 'closed' && !!KINDS[a.spec.kind].Screen);
  const pick = (pool: ActivityView[]) =>
    pool.filter((a) => a.status === 'open').at(-1) ?? pool.filter(shown).at(-1) ?? null;
  const here = currentItemId ? pick(started.filter((a) => a.agendaItemId === currentItemId)) : null;
  return (
    here ?? (currentItemId ? (started.filter((a) => a.status === 'open').at(-1) ?? null) : pick(started))
  );
}

/**
 * [SCREEN1][SCREEN4] Read-only view for a shared screen (an observer connection: no answers, no
 * names), built for a projector: the whole width, type that grows with the window, the agenda item
 * the meeting is at, the current activity with "12 van 40 hebben geantwoord" while it is open and
 * its live results once revealed, and beside it how to join (QR code, short address, code) and the
 * timer. Nothing on it can be clicked or focused.
 */
export default function ScreenView({ code }: { code: string }) {
  const t = useT();
  useMeetingConnection(code, null);
  const meeting = useAppStore((s) => s.meeting);
  const agenda = useAppStore((s) => s.agenda);
  const results = useAppStore((s) => s.results);
  const progress = useAppStore((s) => s.progress);
  const refused = useAppStore((s) => s.conn.refused);
  const deleted = useAppStore((s) => s.deleted);
  const activities = sortedActivities(useAppStore((s) => s.activities));
  const pos = positionOf(agenda, meeting?.currentItemId);
  const shown = screenActivity(activities, meeting?.currentItemId ?? null);
  useEffect(() => {
    if (meeting) document.title = `${t('projector.title')}: ${meeting.title} — Oogst`;
  }, [meeting, t]);
  // Type scales with the window only on this view (see screen.css).
  useEffect(() => {
    document.documentElement.classList.add('is-screen');
    return () => document.documentElement.classList.remove('is-screen');
  }, []);
  if (refused || deleted) return <RefusedOrGone refused={refused} />;
  const kind = shown ? KINDS[shown.spec.kind] : null;
  const res = shown ? results[shown.id] : undefined;
  const count = shown && shown.status === 'open' && !kind?.Screen ? progress[shown.id] : undefined;
  return (
    <Layout live screen title={meeting?.title ?? '…'}>
      <div className="page screen">
        <div className="screen__main">
          <div className="screen__where">
            <p className="screen__pos">
              {pos.current
                ? t('flow.itemOf', { n: pos.index + 1, total: pos.total })
                : t('projector.welcome')}
            </p>
            <h1 dir="auto">{pos.current?.title ?? meeting?.title}</h1>
          </div>
          {shown && kind?.Screen ? (
            <section className="screen__activity" aria-labelledby="screen-q">
              <h2 id="screen-q">{kind.label(t)}</h2>
              <kind.Screen activity={shown} />
            </section>
          ) : shown && kind ? (
            <section className="screen__activity" aria-labelledby="screen-q">
              <h2 id="screen-q" dir="auto">
                {kind.title(shown)}
              </h2>
              {count ? (
                <p className="screen__count">
                  {t('screen.answered', { n: count.answered, total: count.total })}
                </p>
              ) : null}
              {shown.revealed && res ? (
                <kind.Results activity={shown} results={res} headingLevel={3} />
              ) : shown.status === 'open' ? (
                <p className="screen__answer-now">{t('projector.answerNow')}</p>
              ) : (
                <p className="muted screen__nothing">{t('projector.resultsSoon')}</p>
              )}
            </section>
          ) : (
            <p className="muted screen__nothing">{t('screen.nothingYet')}</p>
          )}
        </div>
        <div className="screen__side">
          <TimerDisplay variant="large" soundToggle={false} />
          <JoinPanel code={code} />
        </div>
      </div>
    </Layout>
  );
}
