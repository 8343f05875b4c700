/**
 * [TIMER5] A soft two-note chime made in the browser (Web Audio): no sound file, nothing fetched.
 * Browsers allow sound only after a user gesture, so `unlock()` runs when someone turns sound on.
 */
let ctx: AudioContext | null = null;

function context(): AudioContext | null {
  if (ctx) return ctx;
  const Ctor =
    globalThis.AudioContext ??
    (globalThis as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  ctx = new Ctor();
  return ctx;
}

export function unlock(): void {
  void context()?.resume();
}

export function chime(): void {
  const c = context();
  if (!c) return;
  void c.resume();
  const start = c.currentTime + 0.02;
  for (const [i, freq] of [659.25, 880].entries()) {
    const osc = c.createOscillator();
    const gain = c.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const t0 = start + i * 0.35;
    gain.gain.setValueAtTime(0, t0);
    gain.gain.linearRampToValueAtTime(0.12, t0 + 0.04);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 1.2);
    osc.connect(gain).connect(c.destination);
    osc.start(t0);
    osc.stop(t0 + 1.3);
  }
}

const KEY = 'oogst:timer-sound';
export function soundWanted(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}
export function setSoundWanted(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {}
}
