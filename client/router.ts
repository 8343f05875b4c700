import { useSyncExternalStore } from 'react';
import { normaliseCode } from '../shared/domain/ids';

export type Route =
  | { name: 'start' }
  | { name: 'participant'; code: string }
  | { name: 'facilitator'; code: string }
  | { name: 'secretary'; code: string }
  | { name: 'screen'; code: string }
  | { name: 'facilitatorReport'; code: string }
  | { name: 'notFound' };

const VIEWS = { leiding: 'facilitator', verslag: 'secretary', scherm: 'screen' } as const;

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'start' };
  if (parts[0] !== 'm' || !parts[1]) return { name: 'notFound' };
  const code = normaliseCode(parts[1]);
  if (parts.length === 2) return { name: 'participant', code };
  if (parts.length === 4 && parts[2] === 'leiding' && parts[3] === 'verslag') {
    return { name: 'facilitatorReport', code };
  }
  const view = VIEWS[parts[2] as keyof typeof VIEWS];
  return view && parts.length === 3 ? { name: view, code } : { name: 'notFound' };
}

const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  window.addEventListener('popstate', l);
  return () => {
    listeners.delete(l);
    window.removeEventListener('popstate', l);
  };
};

/** Client-side navigation without a router library: history.pushState and a re-render. */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  for (const l of listeners) l();
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
