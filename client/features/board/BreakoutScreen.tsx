import { useEffect } from 'react';
import { type BoardSummary, summariseBoard } from '../../../shared/domain/board/results';
import type { BoardView } from '../../../shared/domain/board/types';
import { formatRemaining, isFinished, remainingAt } from '../../../shared/domain/timer';
import type { ActivityView } from '../../../shared/domain/types';
import type { BreakoutSpec } from '../../../shared/protocol/schemas/board';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { RoomTimerState } from '../timer/RoomTimers';
import { TimerDisplay } from '../timer/TimerDisplay';
import { useServerNow } from '../timer/useServerNow';
import './board.css';

const SHOWN_NOTES = 3;

/**
 * [SCREEN3] A break-out on the shared screen, read-only and large: while the break-outs run, the
 * questions, the rooms with how many people are in each and their timer (one big timer when all
 * rooms agree), and the facilitator's message; once the plenary synthesis exists, its themes per
 * question with their first post-its (most votes first, votes only once revealed).
 */
export default function BreakoutScreen({ activity }: { activity: ActivityView }) {
  const t = useT();
  const spec = activity.spec as BreakoutSpec;
  const bo = useAppStore((s) => s.breakouts[activity.id]);
  const running = activity.status === 'open';
  const synthesis = (bo?.boards ?? [])
    .filter((b) => b.roomId === null)
    .sort((a, b) => a.questionIndex - b.questionIndex);
  const rooms = [...(bo?.rooms ?? [])].sort((a, b) => a.index - b.index);
  const timers = useAppStore((s) => s.timers);
  const anyRunning = rooms.some((r) => timers[`room:${r.id}`]?.status === 'running');
  const now = useServerNow(anyRunning, 1000);
  const states = rooms.map((r) => {
    const x = timers[`room:${r.id}`];
    if (!x || x.status === 'idle') return 'idle';
    return isFinished(x, now) ? 'done' : `${x.status}:${formatRemaining(remainingAt(x, now))}`;
  });
  const oneTimer = rooms.length > 0 && states[0] !== 'idle' && states.every((s) => s === states[0]);

  return (
    <div className="screen-breakout">
      <p className="screen__answer-now">{running ? t('rooms.screenRunning') : t('rooms.screenEnded')}</p>
      {running && bo?.message ? (
        <p className="screen-breakout__message">
          <strong>{t('breakout.message')}:</strong> <bdi>{bo.message.text}</bdi>
        </p>
      ) : null}
      {running && rooms.length > 0 ? (
        <section aria-labelledby="screen-bo-rooms">
          <h3 id="screen-bo-rooms">{t('rooms.screenRooms')}</h3>
          <div className="screen-rooms__wrap">
            {oneTimer ? (
              <TimerDisplay
                scope={`room:${rooms[0]!.id}`}
                variant="large"
                soundToggle={false}
                defaultLabel={bo?.endsAt ? t('breakout.closingIn') : t('rooms.screenTimeAll')}
              />
            ) : null}
            <ul className="screen-rooms">
              {rooms.map((r) => (
                <li key={r.id} className="screen-rooms__room">
                  <span className="screen-rooms__label">{r.label}</span>
                  <span className="screen-rooms__size">{t('rooms.screenRoomSize', { n: r.size })}</span>
                  {oneTimer ? null : <RoomTimerState roomId={r.id} className="screen-rooms__time" />}
                </li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}
      {running || !bo?.synthesis ? (
        <section aria-labelledby="screen-bo-q">
          <h3 id="screen-bo-q">{t('rooms.screenQuestions')}</h3>
          <ol className="screen-breakout__questions">
            {spec.questions.map((q, i) => (
              <li key={i} dir="auto">
                {q}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {bo?.synthesis && synthesis.length > 0 ? <Themes boards={synthesis} /> : null}
    </div>
  );
}

/** The synthesis boards' themes: each board is watched (observers may read the synthesis, BOARD5). */
function Themes({ boards }: { boards: BoardView[] }) {
  const t = useT();
  const ids = boards.map((b) => b.id).join(' ');
  useEffect(() => {
    const s = useAppStore.getState();
    const list = ids.split(' ');
    for (const id of list) s.watchBoard(id);
    return () => {
      for (const id of list) useAppStore.getState().unwatchBoard(id);
    };
  }, [ids]);
  const data = useAppStore((s) => s.boardData);
  const summaries: BoardSummary[] = boards.map((b) => {
    const d = data[b.id];
    return summariseBoard(
      {
        id: b.id,
        roomId: null,
        questionIndex: b.questionIndex,
        question: b.question,
        revealed: b.voting.revealed,
      },
      null,
      Object.values(d?.content.notes ?? {}),
      Object.values(d?.content.themes ?? {}),
      d?.counts ?? {},
    );
  });
  const any = summaries.some((s) => s.themes.length > 0);
  return (
    <section aria-labelledby="screen-bo-themes" className="screen-themes">
      <h3 id="screen-bo-themes">{t('rooms.screenThemes')}</h3>
      {!any ? <p className="screen__nothing">{t('rooms.screenNoThemes')}</p> : null}
      <ul className="screen-themes__list">
        {summaries.flatMap((s) =>
          s.themes.map((theme) => (
            <li key={theme.id} className="screen-theme">
              {summaries.length > 1 ? (
                <p className="screen-theme__q">{t('breakout.questionN', { n: s.questionIndex + 1 })}</p>
              ) : null}
              <h4 className="screen-theme__heading" dir="auto">
                {theme.heading}
              </h4>
              <p className="screen-theme__count">
                {t('rooms.screenNotes', { n: theme.notes.length })}
                {s.votesRevealed && theme.votes > 0 ? ` · ${t('rooms.screenVotes', { n: theme.votes })}` : ''}
              </p>
              <ul className="screen-theme__notes">
                {theme.notes.slice(0, SHOWN_NOTES).map((n) => (
                  <li key={n.id}>
                    <bdi>{n.text}</bdi>
                    {s.votesRevealed && n.votes > 0 ? (
                      <span className="screen-theme__votes"> ({t('rooms.screenVotes', { n: n.votes })})</span>
                    ) : null}
                  </li>
                ))}
              </ul>
              {theme.notes.length > SHOWN_NOTES ? (
                <p className="screen-theme__more">
                  {t('rooms.screenMore', { n: theme.notes.length - SHOWN_NOTES })}
                </p>
              ) : null}
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
