import { useEffect, useId, useRef, useState } from 'react';
import { formatRemaining, isFinished, remainingAt } from '../../../shared/domain/timer';
import { useSaid, useT } from '../../i18n';
import { useAppStore } from '../../store';
import { chime, setSoundWanted, soundWanted, unlock } from './chime';
import { useServerNow } from './useServerNow';

/**
 * [TIMER3][TIMER5] The shared countdown of a scope, on the server's clock. At zero a calm signal:
 * the box turns yellow with "De tijd is om" (a soft pulse only when motion is welcome), announced
 * once to screen readers, and a chime for whoever turned sound on here.
 */
export function TimerDisplay({
  scope = 'meeting',
  variant = 'compact',
  soundToggle = true,
  defaultLabel,
}: {
  scope?: string;
  variant?: 'compact' | 'large';
  soundToggle?: boolean;
  /** The label when the timer has none (a room's timer: "Tijd in Kamer 2"). */
  defaultLabel?: string;
}) {
  const t = useT();
  const id = useId();
  const timer = useAppStore((s) => s.timers[scope]);
  const active = timer?.status === 'running';
  const now = useServerNow(active);
  const [sound, setSound] = useState(soundWanted);
  const [announce, say] = useSaid();
  const last = useRef<{ finished: boolean; minute: boolean; key: string }>({
    finished: false,
    minute: false,
    key: '',
  });

  const remaining = timer ? remainingAt(timer, now) : 0;
  const finished = timer ? isFinished(timer, now) : false;

  // Announce the start, the last minute and the end once each; chime at the end if it happens live.
  useEffect(() => {
    if (!timer || timer.status === 'idle') return;
    const key = `${timer.updatedAt}`;
    if (last.current.key !== key) {
      const wasFinished = last.current.key === '' ? finished : false;
      last.current = { finished: wasFinished, minute: remaining <= 60_000, key };
      const time = formatRemaining(remaining);
      if (timer.status === 'running' && !finished) say((tr) => tr('timer.announceRunning', { time }));
      if (timer.status === 'paused') say((tr) => tr('timer.announcePaused'));
    }
    if (timer.status === 'running' && !last.current.minute && remaining <= 60_000 && remaining > 0) {
      last.current.minute = true;
      say((tr) => tr('timer.announceMinute'));
    }
    if (finished && !last.current.finished) {
      last.current.finished = true;
      say((tr) => tr('timer.announceDone'));
      // Only a live ending chimes (not a page opened long after the end).
      if (sound && timer.endsAt !== null && now - timer.endsAt < 5000) chime();
    }
  }, [timer, remaining, finished, now, sound, say]);

  if (!timer || timer.status === 'idle') return null;
  const label = timer.label || defaultLabel || t('timer.defaultLabel');
  return (
    <section
      className={`timer timer--${variant}${finished ? ' timer--done' : ''}${timer.status === 'paused' ? ' timer--paused' : ''}`}
      aria-labelledby={`${id}-l`}
    >
      <p className="timer__label" id={`${id}-l`}>
        {label}
      </p>
      <p className="timer__time" role="timer" aria-labelledby={`${id}-l`} data-remaining-ms={remaining}>
        {formatRemaining(remaining)}
      </p>
      <p className="timer__state">
        {finished ? t('timer.done') : timer.status === 'paused' ? t('timer.paused') : t('timer.running')}
      </p>
      {soundToggle ? (
        <div className="field--check timer__sound">
          <input
            type="checkbox"
            id={`${id}-s`}
            checked={sound}
            onChange={(e) => {
              setSound(e.target.checked);
              setSoundWanted(e.target.checked);
              if (e.target.checked) unlock();
            }}
          />
          <label htmlFor={`${id}-s`}>{t('timer.sound')}</label>
        </div>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
    </section>
  );
}
