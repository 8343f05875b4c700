import { type FormEvent, useId, useState } from 'react';
import { newId } from '../../../shared/domain/ids';
import { LIMITS } from '../../../shared/domain/limits';
import type { Scope } from '../../../shared/domain/scopes';
import { formatRemaining, isFinished, remainingAt, type TimerView } from '../../../shared/domain/timer';
import { useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import { FieldError } from '../common/FieldError';
import { useServerNow } from './useServerNow';

type Ack = { ok: boolean; message?: string };
export const roomScope = (roomId: string) => `room:${roomId}` as Scope;

/** Minutes as typed ("2,5" too) → milliseconds, or null when out of range. */
export function minutesToMs(minutes: string): number | null {
  const m = Number(minutes.replace(',', '.'));
  const ms = Math.round(m * 60_000);
  return Number.isFinite(m) && ms >= 1000 && ms <= LIMITS.timerMaxMs ? ms : null;
}

/** A room timer in a few words: "12:34 · loopt", "03:10 · pauze", "De tijd is om", "Geen timer". */
export function RoomTimerState({ roomId, className }: { roomId: string; className?: string }) {
  const t = useT();
  const timer = useAppStore((s) => s.timers[roomScope(roomId)]);
  const now = useServerNow(timer?.status === 'running', 1000);
  return <span className={className}>{timerWords(t, timer, now)}</span>;
}

/**
 * [BOARD18] The room whose timer stands for all rooms, when every room's timer runs (or pauses)
 * to the same moment — the break-outs' one clock; null when there is none or they differ.
 */
export function useSharedRoomTimer(roomIds: string[]): string | null {
  return useAppStore((s) => {
    const timers = roomIds.map((r) => s.timers[roomScope(r)]);
    const first = timers[0];
    if (!first || first.status === 'idle') return null;
    const same = timers.every(
      (x) => x?.status === first.status && x.endsAt === first.endsAt && x.remainingMs === first.remainingMs,
    );
    return same ? roomIds[0]! : null;
  });
}

function timerWords(t: ReturnType<typeof useT>, timer: TimerView | undefined, now: number): string {
  if (!timer || timer.status === 'idle') return t('rooms.timerIdle');
  if (isFinished(timer, now)) return t('rooms.timerDone');
  const time = formatRemaining(remainingAt(timer, now));
  return timer.status === 'paused' ? t('rooms.timerPaused', { time }) : t('rooms.timerRunning', { time });
}

/**
 * [TIMER2] One room's timer, controlled by itself: start (the minutes set for all rooms), pause,
 * go on, a minute more, stop. Every button says which room it is for (screen readers).
 */
export function RoomTimerButtons(props: {
  roomId: string;
  room: string;
  minutes: string;
  onDone(r: Ack): void;
}) {
  const t = useT();
  const scope = roomScope(props.roomId);
  const timer = useAppStore((s) => s.timers[scope]);
  const now = useServerNow(timer?.status === 'running', 1000);
  const status = timer?.status ?? 'idle';
  const finished = timer ? isFinished(timer, now) : false;
  const where = <span className="visually-hidden"> {t('rooms.inRoom', { room: props.room })}</span>;
  const run = async (p: Promise<Ack>) => props.onDone(await p);
  const ms = minutesToMs(props.minutes);
  return (
    <div
      className="row room-timer__buttons"
      role="group"
      aria-label={t('rooms.timerOf', { room: props.room })}
    >
      {status === 'idle' || finished ? (
        <button
          type="button"
          className="btn btn--small"
          disabled={ms === null}
          onClick={() => ms !== null && run(send('timer:start', { id: newId(), scope, durationMs: ms }))}
        >
          {t('rooms.start', { n: Number(props.minutes.replace(',', '.')) || 0 })}
          {where}
        </button>
      ) : null}
      {status === 'running' && !finished ? (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => run(send('timer:pause', { id: newId(), scope }))}
        >
          {t('timer.pause')}
          {where}
        </button>
      ) : null}
      {status === 'paused' ? (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => run(send('timer:resume', { id: newId(), scope }))}
        >
          {t('timer.resume')}
          {where}
        </button>
      ) : null}
      {status !== 'idle' ? (
        <>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => run(send('timer:extend', { id: newId(), scope, byMs: 60_000 }))}
          >
            {t('timer.plus', { n: 1 })}
            {where}
          </button>
          <button
            type="button"
            className="btn btn--small btn--quiet"
            onClick={() => run(send('timer:stop', { id: newId(), scope }))}
          >
            {t('timer.stop')}
            {where}
          </button>
        </>
      ) : null}
    </div>
  );
}

/**
 * [SCOPE2][TIMER2] The facilitator's timer for all rooms at once (`breakout:timer`): the minutes
 * (the break-out's time box by default), start, pause, go on, more time, stop. Above the buttons
 * the rooms' time when they agree ("Alle kamers: 18:32 · loopt").
 */
export function AllRoomsTimer(props: {
  activityId: string;
  roomIds: string[];
  minutes: string;
  onMinutes(m: string): void;
}) {
  const t = useT();
  const id = useId();
  const timers = useAppStore((s) => s.timers);
  const rooms = props.roomIds.map((r) => timers[roomScope(r)]);
  const anyRunning = rooms.some((x) => x?.status === 'running');
  const now = useServerNow(anyRunning, 1000);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const live = rooms.filter((x): x is TimerView => !!x && x.status !== 'idle');
  const running = live.filter((x) => x.status === 'running' && !isFinished(x, now));
  const paused = live.filter((x) => x.status === 'paused');
  const words = rooms.map((x) => timerWords(t, x, now));
  const same = rooms.length > 0 && live.length === rooms.length && words.every((w) => w === words[0]);

  const run = async (what: string, payload: Parameters<typeof send<'breakout:timer'>>[1]) => {
    setNote('');
    const r = await send('breakout:timer', payload);
    if (r.ok) {
      setError('');
      setNote(t('rooms.done', { what }));
    } else setError(`${t('common.notSaved')} (${r.message})`);
  };
  const start = (e: FormEvent) => {
    e.preventDefault();
    const ms = minutesToMs(props.minutes);
    if (ms === null) return setError(t('timer.minutesInvalid'));
    const what = running.length > 0 ? t('rooms.restartAll') : t('rooms.startAll');
    void run(what, { id: newId(), activityId: props.activityId, op: 'start', durationMs: ms });
  };
  const op = (what: string, o: 'pause' | 'resume' | 'stop') =>
    run(what, { id: newId(), activityId: props.activityId, op: o });
  const extend = (n: number) =>
    run(t('rooms.plusAll', { n }), {
      id: newId(),
      activityId: props.activityId,
      op: 'extend',
      byMs: n * 60_000,
    });

  return (
    <form className="room-timers" onSubmit={start} noValidate>
      <fieldset>
        <legend>{t('rooms.timersLegend')}</legend>
        <p className="hint" id={`${id}-hint`}>
          {t('rooms.timersHint')}
        </p>
        {same ? <p className="room-timers__all">{t('rooms.allSame', { time: words[0]! })}</p> : null}
        {live.length > 0 ? (
          <div className="row controls" role="group" aria-label={t('timer.controls')}>
            {running.length > 0 ? (
              <button type="button" className="btn" onClick={() => op(t('rooms.pauseAll'), 'pause')}>
                {t('rooms.pauseAll')}
              </button>
            ) : null}
            {paused.length > 0 ? (
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => op(t('rooms.resumeAll'), 'resume')}
              >
                {t('rooms.resumeAll')}
              </button>
            ) : null}
            <button type="button" className="btn" onClick={() => extend(1)}>
              {t('rooms.plusAll', { n: 1 })}
            </button>
            <button type="button" className="btn" onClick={() => extend(5)}>
              {t('rooms.plusAll', { n: 5 })}
            </button>
            <button type="button" className="btn btn--quiet" onClick={() => op(t('rooms.stopAll'), 'stop')}>
              {t('rooms.stopAll')}
            </button>
          </div>
        ) : null}
        <div className="row room-timers__start">
          <div className="field field--compact">
            <label htmlFor={`${id}-m`}>{t('rooms.minutes')}</label>
            <input
              id={`${id}-m`}
              className="input--short"
              inputMode="decimal"
              value={props.minutes}
              aria-describedby={`${id}-hint`}
              onChange={(e) => props.onMinutes(e.target.value)}
            />
          </div>
          {/* While the rooms' timers run, starting again is the exception: not the main button. */}
          <button type="submit" className={running.length > 0 ? 'btn' : 'btn btn--primary'}>
            {running.length > 0 ? t('rooms.restartAll') : t('rooms.startAll')}
          </button>
        </div>
        <p className="saved-status" role="status">
          {note}
        </p>
        <FieldError message={error} />
      </fieldset>
    </form>
  );
}
