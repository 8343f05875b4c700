import { useEffect, useRef } from 'react';
import type { ActivityView } from '../../../shared/domain/types';
import { CONTENT_LANG, useSaid, useT } from '../../i18n';
import { useAppStore } from '../../store';
import { sortedActivities } from '../../store/activitySlice';
import { ParticipantActivity } from '../activities/ParticipantActivity';
import { Notice } from '../common/Notice';
import { positionOf } from './position';

/**
 * [FLOW2] What a participant sees in the middle of the screen: the agenda item the meeting is at
 * (following the facilitator), with its activities; activities still open elsewhere; or, when
 * looking back, an earlier item read-only.
 */
export function MeetingNow({
  viewing,
  onView,
}: {
  viewing: string | null;
  onView: (itemId: string | null) => void;
}) {
  const t = useT();
  const agenda = useAppStore((s) => s.agenda);
  const currentItemId = useAppStore((s) => s.meeting?.currentItemId ?? null);
  const activities = sortedActivities(useAppStore((s) => s.activities)).filter((a) => a.status !== 'draft');
  const pos = positionOf(agenda, currentItemId);
  const [announce, say] = useSaid();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const moved = useRef(false);

  // Follow the facilitator: a new current item ends looking back, and is announced.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on a move of the meeting only
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (viewing !== null) {
      moved.current = true;
      onView(null);
    }
    const now = pos.current;
    if (now) say((tr) => tr('flow.movedTo', { n: pos.index + 1, title: now.title }));
  }, [currentItemId]);

  const viewedIndex = viewing ? agenda.findIndex((i) => i.id === viewing) : -1;
  const looking = viewedIndex >= 0 ? agenda[viewedIndex]! : null;
  // Looking back or returning moves focus to the item's heading (not when the facilitator moves on:
  // that is announced instead, and the participant's focus stays where it is).
  const mounted = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves when the shown item changes
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    if (moved.current) {
      moved.current = false;
      return;
    }
    heading.current?.focus();
  }, [viewing]);

  const list = (items: ActivityView[], readOnly: boolean) =>
    [...items].reverse().map((a) => <ParticipantActivity key={a.id} activity={a} readOnly={readOnly} />);

  let body: React.ReactNode;
  if (looking) {
    const here = activities.filter((a) => a.agendaItemId === looking.id);
    body = (
      <>
        <Notice kind="info">
          {t('flow.lookingBack')}{' '}
          <button type="button" className="btn btn--link" onClick={() => onView(null)}>
            {t('flow.backToNow')}
          </button>
        </Notice>
        <ItemHead
          index={viewedIndex}
          total={agenda.length}
          title={looking.title}
          body={looking.body}
          headingRef={heading}
        />
        {here.length === 0 ? <p className="muted">{t('flow.noActivitiesHere')}</p> : list(here, true)}
      </>
    );
  } else if (pos.current) {
    const here = activities.filter((a) => a.agendaItemId === pos.current!.id);
    const elsewhere = activities.filter((a) => a.agendaItemId !== pos.current!.id && a.status === 'open');
    body = (
      <>
        <ItemHead
          index={pos.index}
          total={pos.total}
          title={pos.current.title}
          body={pos.current.body}
          headingRef={heading}
          now
        />
        {list(here, false)}
        {elsewhere.length > 0 ? (
          <section aria-labelledby="also-open-h" className="also-open">
            <h2 id="also-open-h">{t('flow.alsoOpen')}</h2>
            {list(elsewhere, false)}
          </section>
        ) : null}
        {here.length === 0 && elsewhere.length === 0 ? (
          <p className="muted">{t('flow.nothingToDo')}</p>
        ) : null}
      </>
    );
  } else {
    body =
      activities.length === 0 ? (
        <Notice kind="info" role="status">
          {t('participant.waiting')}
        </Notice>
      ) : (
        list(activities, false)
      );
  }
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {body}
    </>
  );
}

function ItemHead(props: {
  index: number;
  total: number;
  title: string;
  body: string;
  now?: boolean;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const t = useT();
  return (
    <header className="card item-now">
      <p className="item-now__where">
        {props.now ? <span className="badge badge--open">{t('agenda.now')}</span> : null}{' '}
        {t('flow.itemOf', { n: props.index + 1, total: props.total })}
      </p>
      <h2 className="item-now__title" tabIndex={-1} ref={props.headingRef} lang={CONTENT_LANG}>
        {props.title}
      </h2>
      {props.body ? (
        <p className="item-now__body" lang={CONTENT_LANG}>
          {props.body}
        </p>
      ) : null}
    </header>
  );
}
