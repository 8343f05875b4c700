import { useEffect, useId, useState } from 'react';
import type { ActivityView } from '../../../shared/domain/types';
import type { BreakoutSpec } from '../../../shared/protocol/schemas/board';
import { useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import { TimerDisplay } from '../timer/TimerDisplay';
import { RoomChat } from './RoomChat';
import { FullscreenWorkspace, Workspace } from './Workspace';
import './board.css';
import { FieldError } from '../common/FieldError';

/**
 * [BOARD2–BOARD5][BOARD13][SCOPE2] The break-out as a participant (or observer) sees it: their
 * room with its timer, the facilitator's message, the boards of their room and, next to them, the
 * room's own chat; other rooms when allowed, and the plenary synthesis once it is there.
 */
export default function BreakoutParticipant({ activity }: { activity: ActivityView }) {
  const t = useT();
  const id = useId();
  const spec = activity.spec as BreakoutSpec;
  const bo = useAppStore((s) => s.breakouts[activity.id]);
  const roomId = useAppStore((s) => s.placements[activity.id] ?? null);
  const role = useAppStore((s) => s.role);
  const [other, setOther] = useState('');
  const [full, setFull] = useState<'room' | 'synthesis' | null>(null);
  const [error, setError] = useState('');
  const running = activity.status === 'open';
  const roomTimer = useAppStore((s) => (roomId ? s.timers[`room:${roomId}`] : undefined));
  // [CHAT9] After the end the room's chat stays readable; after a reload no snapshot carries it.
  useEffect(() => {
    if (!running && roomId && role === 'participant') void useAppStore.getState().chatLoad(`room:${roomId}`);
  }, [running, roomId, role]);
  if (!bo) return null;
  const room = bo.rooms.find((r) => r.id === roomId);
  // [SCOPE2][BOARD18] The room's timer: the time box from the start, or the countdown to the end.
  const timed = running && role === 'participant' && !!room && !!roomTimer && roomTimer.status !== 'idle';
  const timerLabel = (label: string) =>
    bo.endsAt ? t('breakout.closingIn') : t('rooms.timerLabel', { room: label });
  // [CHAT9] The room's chat: live while the break-outs run, read-only after they ended.
  const chatHere = role === 'participant' && !!room;
  const shownRoom = other || roomId;
  const roomBoards = bo.boards.filter((b) => b.roomId !== null && b.roomId === shownRoom);
  const synthesisBoards = bo.boards.filter((b) => b.roomId === null);
  const shownLabel = bo.rooms.find((r) => r.id === shownRoom)?.label ?? '';

  const choose = async (to: string) => {
    const r = await send('breakout:choose', { activityId: activity.id, roomId: to });
    setError(
      r.ok ? '' : r.error === 'conflict' ? t('breakout.roomFull') : `${t('common.notSaved')} (${r.message})`,
    );
  };

  const synthesis =
    bo.synthesis && synthesisBoards.length > 0 ? (
      <section className="breakout__synthesis" aria-labelledby={`${id}-syn`}>
        <div className="row row--between">
          <h3 id={`${id}-syn`}>{t('breakout.synthesis')}</h3>
          <button type="button" className="btn btn--quiet" onClick={() => setFull('synthesis')}>
            {t('breakout.bigScreen')}
          </button>
        </div>
        <p className="hint">{t('breakout.synthesisHint')}</p>
        <Workspace boards={synthesisBoards} headingLevel={4} />
      </section>
    ) : null;

  return (
    <div className="breakout">
      {running ? (
        <p className="breakout__status">{t('breakout.running')}</p>
      ) : (
        <p className="breakout__status">{t('breakout.ended')}</p>
      )}
      {running && bo.endsAt ? (
        <div className="notice notice--warn breakout__closing" role="status">
          {t('breakout.closing')}
        </div>
      ) : null}
      {bo.message ? (
        <div className="notice notice--info breakout__message" role="status">
          <strong>{t('breakout.message')}:</strong> {bo.message.text}
        </div>
      ) : null}
      {!running && synthesis}
      {role === 'participant' ? (
        room ? (
          <div className="breakout__room">
            <p>
              <strong>{t('breakout.youAreIn', { room: room.label })}</strong>
            </p>
            {timed ? <TimerDisplay scope={`room:${room.id}`} defaultLabel={timerLabel(room.label)} /> : null}
          </div>
        ) : running && spec.assignment !== 'self' ? (
          <p className="notice notice--info">{t('breakout.waitForRoom')}</p>
        ) : null
      ) : null}
      {role === 'participant' && running && spec.assignment === 'self' ? (
        <fieldset className="room-choice">
          <legend>{room ? t('breakout.changeRoom') : t('breakout.chooseRoom')}</legend>
          <div className="row">
            {bo.rooms
              .filter((r) => r.id !== roomId)
              .map((r) => (
                <button key={r.id} type="button" className="btn" onClick={() => choose(r.id)}>
                  {t('breakout.toRoom', { room: r.label, n: r.size })}
                </button>
              ))}
          </div>
          <FieldError message={error} />
        </fieldset>
      ) : null}
      {spec.seeOtherRooms && bo.rooms.length > 1 ? (
        <div className="field field--inline">
          <label htmlFor={`${id}-other`}>{t('breakout.otherRooms')}</label>
          <select id={`${id}-other`} value={other} onChange={(e) => setOther(e.target.value)}>
            <option value="">{room ? `${t('breakout.ownRoom')} (${room.label})` : '—'}</option>
            {bo.rooms
              .filter((r) => r.id !== roomId)
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
          </select>
        </div>
      ) : null}
      {roomBoards.length > 0 ? (
        <section className="breakout__room-boards" aria-label={t('breakout.boardsOf', { room: shownLabel })}>
          <div className="row row--between">
            <span className="muted">{t('breakout.boardsOf', { room: shownLabel })}</span>
            <button type="button" className="btn btn--quiet" onClick={() => setFull('room')}>
              {t('breakout.bigScreen')}
            </button>
          </div>
          {full === 'room' ? null : <Workspace key={shownRoom ?? ''} boards={roomBoards} headingLevel={3} />}
        </section>
      ) : null}
      {chatHere && full !== 'room' ? <RoomChat roomId={room.id} room={room.label} ended={!running} /> : null}
      {running && synthesis}
      {full === 'room' ? (
        <FullscreenWorkspace
          title={t('breakout.boardsOf', { room: shownLabel })}
          boards={roomBoards}
          onClose={() => setFull(null)}
          {...(chatHere
            ? {
                asideTitle: t('rooms.sideHeading', { room: room.label }),
                aside: (
                  <>
                    {timed ? (
                      <TimerDisplay
                        scope={`room:${room.id}`}
                        soundToggle={false}
                        defaultLabel={timerLabel(room.label)}
                      />
                    ) : null}
                    <RoomChat roomId={room.id} room={room.label} className="chat--side" ended={!running} />
                  </>
                ),
              }
            : {})}
        />
      ) : null}
      {full === 'synthesis' ? (
        <FullscreenWorkspace
          title={t('breakout.synthesis')}
          boards={synthesisBoards}
          onClose={() => setFull(null)}
        />
      ) : null}
    </div>
  );
}
