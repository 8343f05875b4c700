import type { BoardAccess } from '../../shared/domain/board/access';
import { DomainError } from '../../shared/protocol/ack';
import type { NoteRecord, ThemeRecord } from '../storage/boardStore';
import type { Store } from '../storage/store';
import type { BoardContext } from './breakouts';

export const REFUSALS: Record<keyof BoardAccess, string> = {
  read: 'you cannot see this board',
  write: 'this board is read-only for you now',
  cluster: 'you cannot change themes on this board',
  vote: 'voting is not open for you on this board',
  manage: 'only the facilitator can change this board',
};

/** [BOARD5] Refuses, with a sentence, what this session may not do on the board. */
export function need(ctx: BoardContext, what: keyof BoardAccess): void {
  if (!ctx.access[what]) throw new DomainError('forbidden', REFUSALS[what]);
}

/** A post-it that exists and is not deleted. */
export async function liveNote(store: Store, id: string): Promise<NoteRecord> {
  const n = await store.boards.note(id);
  if (!n) throw new DomainError('not_found', 'no such post-it');
  if (n.deleted) throw new DomainError('not_found', 'this post-it was deleted');
  return n;
}

/** A theme that exists and is not removed. */
export async function liveTheme(store: Store, id: string): Promise<ThemeRecord> {
  const t = await store.boards.theme(id);
  if (!t || t.deleted) throw new DomainError('not_found', 'no such theme');
  return t;
}
