import type { Scope } from './scopes';

/**
 * [TIMER1] A shared countdown of a meeting or a break-out room. Clients show
 * `endsAt − (their clock + clockOffset)`: the server's clock decides, so every client (and a late
 * joiner) shows the same remaining time.
 */
export interface TimerView {
  scope: Scope;
  status: 'idle' | 'running' | 'paused';
  /** The length it was set to, extensions included (ms). */
  durationMs: number;
  /** Server time (ms) at which it reaches zero, while running. */
  endsAt: number | null;
  /** What was left when paused (ms). */
  remainingMs: number | null;
  label: string;
  updatedAt: number;
}

export const idleTimer = (scope: Scope, now = 0): TimerView => ({
  scope,
  status: 'idle',
  durationMs: 0,
  endsAt: null,
  remainingMs: null,
  label: '',
  updatedAt: now,
});

/**
 * Milliseconds left at server time `now` (never below zero, never above what the timer was set to:
 * a client whose clock offset is a little off does not show "01:01" for a minute).
 */
export function remainingAt(t: TimerView, now: number): number {
  if (t.status === 'running' && t.endsAt !== null)
    return Math.max(0, Math.min(t.endsAt - now, t.durationMs > 0 ? t.durationMs : Number.POSITIVE_INFINITY));
  if (t.status === 'paused' && t.remainingMs !== null) return Math.max(0, t.remainingMs);
  return 0;
}

/** Running and at zero: the end signal shows. */
export const isFinished = (t: TimerView, now: number) =>
  t.status === 'running' && t.endsAt !== null && t.endsAt <= now;

export type TimerOp =
  | { op: 'start'; durationMs: number; label?: string }
  | { op: 'pause' }
  | { op: 'resume' }
  | { op: 'extend'; byMs: number }
  | { op: 'stop' };

/**
 * [TIMER2] The state after a facilitator's command at server time `now`. Pausing a timer that is not
 * running, or resuming one that is not paused, changes nothing. Extending a finished timer counts
 * from now. The remaining time never drops below zero.
 */
export function applyTimerOp(t: TimerView, op: TimerOp, now: number, maxMs: number): TimerView {
  const at = { updatedAt: now };
  switch (op.op) {
    case 'start':
      return {
        ...t,
        ...at,
        status: 'running',
        durationMs: op.durationMs,
        endsAt: now + op.durationMs,
        remainingMs: null,
        label: op.label ?? t.label,
      };
    case 'pause':
      if (t.status !== 'running') return t;
      return { ...t, ...at, status: 'paused', remainingMs: remainingAt(t, now), endsAt: null };
    case 'resume':
      if (t.status !== 'paused') return t;
      return { ...t, ...at, status: 'running', endsAt: now + (t.remainingMs ?? 0), remainingMs: null };
    case 'extend': {
      if (t.status === 'idle') return t;
      const left = Math.min(maxMs, Math.max(0, remainingAt(t, now) + op.byMs));
      const durationMs = Math.min(maxMs, Math.max(0, t.durationMs + op.byMs));
      return t.status === 'running'
        ? { ...t, ...at, durationMs, endsAt: now + left }
        : { ...t, ...at, durationMs, remainingMs: left };
    }
    case 'stop':
      return { ...idleTimer(t.scope, now), label: t.label };
  }
}

/** `mm:ss`, or `h:mm:ss` from an hour up. Rounds up, so "00:00" shows only at the very end. */
export function formatRemaining(ms: number): string {
  const s = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${pad(m)}:${pad(sec)}`;
}
