import { useEffect, useState } from 'react';
import { api } from '../../api';

let cached: Promise<string> | null = null;

/** The address people use: `PUBLIC_URL` when the server has one, else this page's own origin. */
export function publicOrigin(): Promise<string> {
  cached ??= api.config().then((r) => (r.ok && r.data.publicUrl ? r.data.publicUrl : window.location.origin));
  return cached;
}

/** [MEET10] `publicOrigin()` in a component: this page's origin until the server has answered. */
export function usePublicOrigin(): string {
  const [origin, setOrigin] = useState(window.location.origin);
  useEffect(() => {
    let live = true;
    void publicOrigin().then((o) => live && setOrigin(o));
    return () => {
      live = false;
    };
  }, []);
  return origin;
}
