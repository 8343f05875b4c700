/**
 * [TPL4] The templates this browser saved or opened: their ids and secrets. There are no accounts,
 * so this list (and the template links the facilitator keeps) is how someone finds them again.
 */
export interface KnownTemplate {
  id: string;
  /** Absent for templates an admin picked from the server's list (the admin token opens them). */
  token?: string;
  title: string;
  agendaItems: number;
  activities: number;
}

const KEY = 'oogst:templates';

export function knownTemplates(): KnownTemplate[] {
  try {
    const raw = localStorage.getItem(KEY);
    const list = raw ? (JSON.parse(raw) as KnownTemplate[]) : [];
    return Array.isArray(list)
      ? list.filter((t) => typeof t?.id === 'string' && typeof t.title === 'string')
      : [];
  } catch {
    return [];
  }
}

export function rememberTemplate(t: KnownTemplate): void {
  const rest = knownTemplates().filter((x) => x.id !== t.id);
  try {
    localStorage.setItem(KEY, JSON.stringify([t, ...rest].slice(0, 50)));
  } catch {}
}

export function forgetTemplate(id: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(knownTemplates().filter((x) => x.id !== id)));
  } catch {}
}
