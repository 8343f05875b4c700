import { type FormEvent, useId, useState } from 'react';
import { newId } from '../../../shared/domain/ids';
import { LIMITS } from '../../../shared/domain/limits';
import type { Scope } from '../../../shared/domain/scopes';
import { isFinished } from '../../../shared/domain/timer';
import { useT } from '../../i18n';
import { send } from '../../send';
import { useAppStore } from '../../store';
import { FieldError } from '../common/FieldError';
import { TimerDisplay } from './TimerDisplay';
import { useServerNow } from './useServerNow';

const PRESETS = [1, 3, 5, 10, 15];

/** [TIMER2] The facilitator's timer: set minutes and a label, start, pause, go on, add time, stop. */
export function TimerControls({ scope = 'meeting' as Scope }: { scope?: Scope }) {
  const t = useT();
  const id = useId();
  const timer = useAppStore((s) => s.timers[scope]);
  const [minutes, setMinutes] = useState('5');
  const [label, setLabel] = useState('');
  const [error, setError] = useState('');
  const now = useServerNow(timer?.status === 'running', 1000);
  const status = timer?.status ?? 'idle';
  const finished = timer ? isFinished(timer, now) : false;

  const run = async (p: Promise<{ ok: boolean; message?: string }>) => {
    const r = await p;
    setError(r.ok ? '' : `${t('common.notSaved')} (${r.message ?? ''})`);
  };
  const start = (e: FormEvent) => {
    e.preventDefault();
    const m = Number(minutes.replace(',', '.'));
    const ms = Math.round(m * 60_000);
    if (!Number.isFinite(m) || ms < 1000 || ms > LIMITS.timerMaxMs)
      return setError(t('timer.minutesInvalid'));
    void run(
      send('timer:start', {
        id: newId(),
        scope,
        durationMs: ms,
        ...(label.trim() ? { label: label.trim() } : {}),
      }),
    );
  };
  const extend = (byMs: number) => run(send('timer:extend', { id: newId(), scope, byMs }));

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('timer.heading')}</h2>
      <TimerDisplay scope={scope} soundToggle />
      {status === 'idle' || finished ? (
        <form onSubmit={start} noValidate className="timer-form">
          <div className="row" role="group" aria-label={t('timer.presets')}>
            {PRESETS.map((p) => (
              <button
                key={p}
                type="button"
                className="btn btn--small"
                aria-pressed={minutes === String(p)}
                onClick={() => setMinutes(String(p))}
              >
                {t('timer.minutesShort', { n: p })}
              </button>
            ))}
          </div>
          <div className="row">
            <div className="field field--compact">
              <label htmlFor={`${id}-m`}>{t('timer.minutes')}</label>
              <input
                id={`${id}-m`}
                className="input--short"
                inputMode="decimal"
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
              />
            </div>
            <div className="field field--compact">
              <label htmlFor={`${id}-l`}>{t('timer.label')}</label>
              <input
                id={`${id}-l`}
                value={label}
                maxLength={LIMITS.timerLabel}
                placeholder={t('timer.labelPlaceholder')}
                onChange={(e) => setLabel(e.target.value)}
              />
            </div>
          </div>
          <button type="submit" className="btn btn--primary">
            {finished ? t('timer.startAgain') : t('timer.start')}
          </button>
        </form>
      ) : null}
      {status !== 'idle' ? (
        <div className="row controls" role="group" aria-label={t('timer.controls')}>
          {status === 'running' && !finished ? (
            <button
              type="button"
              className="btn"
              onClick={() => run(send('timer:pause', { id: newId(), scope }))}
            >
              {t('timer.pause')}
            </button>
          ) : null}
          {status === 'paused' ? (
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => run(send('timer:resume', { id: newId(), scope }))}
            >
              {t('timer.resume')}
            </button>
          ) : null}
          <button type="button" className="btn" onClick={() => extend(60_000)}>
            {t('timer.plus', { n: 1 })}
          </button>
          <button type="button" className="btn" onClick={() => extend(5 * 60_000)}>
            {t('timer.plus', { n: 5 })}
          </button>
          {!finished ? (
            <button type="button" className="btn" onClick={() => extend(-60_000)}>
              {t('timer.minus', { n: 1 })}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn--quiet"
            onClick={() => run(send('timer:stop', { id: newId(), scope }))}
          >
            {t('timer.stop')}
          </button>
        </div>
      ) : null}
      <FieldError message={error} />
    </section>
  );
}
