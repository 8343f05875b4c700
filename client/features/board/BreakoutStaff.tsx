import { type FormEvent, useId, useState } from 'react';
import { BOARD_LIMITS } from '../../../shared/domain/board/limits';
import { newId } from '../../../shared/domain/ids';
import { can } from '../../../shared/domain/roles';
import type { ActivityView } from '../../../shared/domain/types';
import type { BreakoutSpec } from '../../../shared/protocol/schemas/board';
import { type Say, useSaid, useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import { AllRoomsTimer, RoomTimerButtons, RoomTimerState, useSharedRoomTimer } from '../timer/RoomTimers';
import { RoomChat } from './RoomChat';
import { FullscreenWorkspace } from './Workspace';
import './board.css';
import { FieldError } from '../common/FieldError';

/**
 * [BOARD4][BOARD13][SCOPE2] The break-outs for facilitator and secretary: every room with its
 * people, its timer and how much was chatted; moving people and the timer of all rooms or one
 * (facilitator); visiting any room's boards with its chat beside them; a message to all rooms,
 * one more room, and the plenary synthesis.
 */
export default function BreakoutStaff({ activity }: { activity: ActivityView }) {
  const t = useT();
  const id = useId();
  const spec = activity.spec as BreakoutSpec;
  const bo = useAppStore((s) => s.breakouts[activity.id]);
  const role = useAppStore((s) => s.role);
  const people = useAppStore((s) => s.presence.participants ?? []);
  const [visit, setVisit] = useState<string | 'synthesis' | null>(null);
  const [message, setMessage] = useState('');
  const [note, setNote] = useSaid();
  const [error, setError] = useState('');
  const [minutes, setMinutes] = useState(String(spec.timeboxMinutes ?? 10));
  const chatOrder = useAppStore((s) => s.chat.order);
  const manage = can(role ?? undefined, 'board:manage');
  const timers = can(role ?? undefined, 'timer:control');
  const running = activity.status === 'open';
  // [BOARD18] The rooms' one clock, when all rooms agree (each room shows its own otherwise).
  const shared = useSharedRoomTimer(bo?.rooms.map((r) => r.id) ?? []);
  if (!bo || bo.rooms.length === 0) {
    return activity.status === 'draft' ? <p className="muted">{t('breakout.notStartedConsole')}</p> : null;
  }
  const members = bo.members ?? {};
  const done = (r: { ok: boolean; message?: string }, ok?: Say) => {
    setError(r.ok ? '' : (r.message ?? ''));
    if (r.ok && ok) setNote(ok);
  };
  const sendMessage = async (e: FormEvent) => {
    e.preventDefault();
    if (!message.trim()) return;
    const r = await send('breakout:message', { activityId: activity.id, id: newId(), text: message.trim() });
    if (r.ok) setMessage('');
    done(r, (tr) => tr('breakout.messageSent'));
  };
  const unplaced = people.filter((p) => !members[p.id]);
  const visitBoards =
    visit === 'synthesis'
      ? bo.boards.filter((b) => b.roomId === null)
      : bo.boards.filter((b) => b.roomId === visit);
  const visitRoom = bo.rooms.find((r) => r.id === visit);
  const visitTitle =
    visit === 'synthesis'
      ? t('breakout.synthesis')
      : t('breakout.boardsOf', { room: visitRoom?.label ?? '' });
  const open = (roomId: string) => {
    setVisit(roomId);
    // The room's chat so far (also after the break-outs ended, when it is in no snapshot).
    void useAppStore.getState().chatLoad(`room:${roomId}`);
  };

  const personRow = (p: { id: string; name: string; online: boolean }) => (
    <li key={p.id} className={p.online ? 'is-online' : 'is-away'}>
      <span className="presence-dot" aria-hidden="true" />
      <bdi className="presence-name">{p.name}</bdi>
      <span className="visually-hidden"> ({p.online ? t('presence.online') : t('presence.away')})</span>
      {manage ? (
        <select
          aria-label={t('breakout.roomFor', { name: p.name })}
          value={members[p.id] ?? ''}
          onChange={async (e) =>
            done(
              await send('breakout:move', {
                activityId: activity.id,
                participantId: p.id,
                roomId: e.target.value || null,
              }),
            )
          }
        >
          <option value="">{t('breakout.noRoom')}</option>
          {bo.rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      ) : null}
    </li>
  );

  return (
    <div className="breakout-console">
      <p className="breakout__status" aria-live="polite">
        {running ? t('breakout.running') : t('breakout.ended')}
      </p>
      {running && shared ? (
        <p className="breakout__clock">
          <strong>{bo.endsAt ? t('breakout.closingIn') : t('breakout.timeAll')}:</strong>{' '}
          <RoomTimerState roomId={shared} />
        </p>
      ) : null}
      <div className="breakout-rooms">
        {bo.rooms.map((r) => {
          const inRoom = people.filter((p) => members[p.id] === r.id);
          return (
            <section key={r.id} className="breakout-room" aria-labelledby={`${id}-${r.id}`}>
              <div className="breakout-room__head">
                <strong id={`${id}-${r.id}`}>{r.label}</strong>
                <span className="muted">{t('breakout.roomSize', { n: r.size })}</span>
              </div>
              {inRoom.length === 0 ? (
                <p className="muted">{t('breakout.nobody')}</p>
              ) : (
                <ul className="presence-list">{inRoom.map(personRow)}</ul>
              )}
              {running ? (
                <p className="room-timer">
                  <span className="visually-hidden">{t('rooms.timerOf', { room: r.label })}: </span>
                  <RoomTimerState roomId={r.id} />
                </p>
              ) : null}
              {timers && running ? (
                <RoomTimerButtons roomId={r.id} room={r.label} minutes={minutes} onDone={(x) => done(x)} />
              ) : null}
              {running ? (
                <p className="muted room-chat-count">
                  {t('rooms.chatCount', { n: (chatOrder[`room:${r.id}`] ?? []).length })}
                </p>
              ) : null}
              <button type="button" className="btn btn--small" onClick={() => open(r.id)}>
                {t('rooms.visit', { room: r.label })}
              </button>
            </section>
          );
        })}
        {unplaced.length > 0 ? (
          <section className="breakout-room breakout-room--unplaced" aria-labelledby={`${id}-none`}>
            <div className="breakout-room__head">
              <strong id={`${id}-none`}>{t('breakout.unplaced')}</strong>
              <span className="muted">{t('breakout.roomSize', { n: unplaced.length })}</span>
            </div>
            <ul className="presence-list">{unplaced.map(personRow)}</ul>
          </section>
        ) : null}
      </div>
      {timers && running ? (
        <AllRoomsTimer
          activityId={activity.id}
          roomIds={bo.rooms.map((r) => r.id)}
          minutes={minutes}
          onMinutes={setMinutes}
        />
      ) : null}
      {manage ? (
        <div className="row">
          <button
            type="button"
            className="btn"
            disabled={bo.rooms.length >= BOARD_LIMITS.rooms}
            onClick={async () =>
              done(await send('breakout:addRoom', { activityId: activity.id, id: newId() }))
            }
          >
            {t('breakout.addRoom')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={async () =>
              done(await send('breakout:synthesis', { activityId: activity.id }), (tr) =>
                tr('breakout.synthesisMade'),
              )
            }
          >
            {bo.synthesis ? t('breakout.updateSynthesis') : t('breakout.makeSynthesis')}
          </button>
        </div>
      ) : null}
      {bo.synthesis ? (
        <div className="row">
          <button type="button" className="btn btn--primary" onClick={() => setVisit('synthesis')}>
            {t('breakout.viewSynthesis')}
          </button>
        </div>
      ) : null}
      {manage ? (
        <form className="breakout-message" onSubmit={sendMessage}>
          <div className="field">
            <label htmlFor={`${id}-msg`}>{t('breakout.messageLabel')}</label>
            <textarea
              id={`${id}-msg`}
              rows={2}
              value={message}
              maxLength={BOARD_LIMITS.message}
              onChange={(e) => {
                setMessage(e.target.value);
                setNote(null);
              }}
            />
          </div>
          <button type="submit" className="btn">
            {t('breakout.messageSend')}
          </button>
        </form>
      ) : null}
      {bo.message ? (
        <p className="muted">
          {t('breakout.message')}: {bo.message.text}
        </p>
      ) : null}
      <p className="saved-status" role="status">
        {note}
      </p>
      <FieldError message={error} />
      {visit && visitBoards.length > 0 ? (
        <FullscreenWorkspace
          title={visitTitle}
          boards={visitBoards}
          onClose={() => setVisit(null)}
          {...(visitRoom
            ? {
                asideTitle: t('rooms.sideHeading', { room: visitRoom.label }),
                aside: (
                  <>
                    <p className="room-timer">
                      <strong>{t('rooms.timerOf', { room: visitRoom.label })}:</strong>{' '}
                      <RoomTimerState roomId={visitRoom.id} />
                    </p>
                    {timers && running ? (
                      <RoomTimerButtons
                        roomId={visitRoom.id}
                        room={visitRoom.label}
                        minutes={minutes}
                        onDone={(x) => done(x)}
                      />
                    ) : null}
                    <RoomChat
                      roomId={visitRoom.id}
                      room={visitRoom.label}
                      className="chat--side"
                      ended={!running}
                    />
                  </>
                ),
              }
            : {})}
        />
      ) : null}
    </div>
  );
}
