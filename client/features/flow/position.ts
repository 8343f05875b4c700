import type { AgendaItem } from '../../../shared/domain/types';

/** Where the meeting is: the current item, its place (1-based), the previous and the next item. */
export function positionOf(agenda: AgendaItem[], currentItemId: string | null | undefined) {
  const index = currentItemId ? agenda.findIndex((i) => i.id === currentItemId) : -1;
  return {
    index,
    current: index >= 0 ? agenda[index]! : null,
    previous: index > 0 ? agenda[index - 1]! : null,
    next: index >= 0 ? (agenda[index + 1] ?? null) : (agenda[0] ?? null),
    total: agenda.length,
  };
}
