import { useEffect, useState } from 'react';
import { useAppStore } from '../../store';

/**
 * [TIMER1] The server's time as this client best knows it (its clock plus the offset measured at
 * the last snapshot), re-rendering every `ms` while `active`.
 */
export function useServerNow(active: boolean, ms = 250): number {
  const offset = useAppStore((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
  return now + offset;
}
