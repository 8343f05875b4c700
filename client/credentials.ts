/**
 * What this browser keeps: a participant's token per meeting (so a refresh, a second tab or a
 * return visit is the same participant) and staff tokens from secret links.
 */
export interface ParticipantCredentials {
  token: string;
  participantId: string;
  name: string;
}

export interface RecentMeeting {
  code: string;
  title: string;
  date: string | null;
  role: 'facilitator' | 'secretary';
}

const pKey = (code: string) => `oogst:p:${code}`;
const sKey = (code: string, role: string) => `oogst:staff:${code}:${role}`;
const RECENT = 'oogst:recent';

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode without storage: the session still works until the tab closes.
  }
}

export const participantCredentials = (code: string) => read<ParticipantCredentials>(pKey(code));
export const saveParticipantCredentials = (code: string, c: ParticipantCredentials | null) =>
  write(pKey(code), c);

/**
 * The staff token this browser kept for `role`; the page's own link is not read (it may be another
 * role's: the facilitator's console asks for the secretary's).
 */
export const savedStaffToken = (code: string, role: 'facilitator' | 'secretary') =>
  read<string>(sKey(code, role));

/**
 * The staff token for this view: taken from the link's `#fragment` (then removed from the address
 * bar, so it is not shown on a shared screen) or from an earlier visit.
 */
export function staffToken(code: string, role: 'facilitator' | 'secretary'): string | null {
  const fromHash = window.location.hash.slice(1);
  if (fromHash) {
    write(sKey(code, role), fromHash);
    window.history.replaceState(null, '', window.location.pathname);
    return fromHash;
  }
  return savedStaffToken(code, role);
}
export const saveStaffToken = (code: string, role: 'facilitator' | 'secretary', token: string | null) =>
  write(sKey(code, role), token);

export const recentMeetings = (): RecentMeeting[] => read<RecentMeeting[]>(RECENT) ?? [];
export function rememberMeeting(m: RecentMeeting): void {
  const rest = recentMeetings().filter((x) => !(x.code === m.code && x.role === m.role));
  write(RECENT, [m, ...rest].slice(0, 20));
}
export function forgetMeeting(code: string): void {
  write(
    RECENT,
    recentMeetings().filter((x) => x.code !== code),
  );
  for (const role of ['facilitator', 'secretary']) write(sKey(code, role), null);
  write(pKey(code), null);
}
