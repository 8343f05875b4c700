import type { NoteView, ThemeView } from './types';

/**
 * [BOARD8] How every client converges on the server's state: each post-it and theme carries a
 * version that goes up with every stored change, and a client keeps whichever copy is newer.
 * A deletion is final: its id is remembered, so a late or repeated update never brings it back.
 */
export interface BoardContent {
  notes: Record<string, NoteView>;
  themes: Record<string, ThemeView>;
  /** Deleted post-its and themes: id → final version. */
  gone: Record<string, number>;
}

export const emptyContent = (): BoardContent => ({ notes: {}, themes: {}, gone: {} });

export function upsertNotes(c: BoardContent, incoming: readonly NoteView[]): BoardContent {
  let notes: Record<string, NoteView> | null = null;
  for (const n of incoming) {
    if (c.gone[n.id] !== undefined) continue;
    const local = (notes ?? c.notes)[n.id];
    if (local && local.version >= n.version) continue;
    notes ??= { ...c.notes };
    notes[n.id] = n;
  }
  return notes ? { ...c, notes } : c;
}

export function upsertTheme(c: BoardContent, t: ThemeView): BoardContent {
  if (c.gone[t.id] !== undefined) return c;
  const local = c.themes[t.id];
  if (local && local.version >= t.version) return c;
  return { ...c, themes: { ...c.themes, [t.id]: t } };
}

export function removeNote(c: BoardContent, id: string, version: number): BoardContent {
  const { [id]: _gone, ...notes } = c.notes;
  return { ...c, notes, gone: { ...c.gone, [id]: version } };
}

export function removeTheme(c: BoardContent, id: string): BoardContent {
  const { [id]: _gone, ...themes } = c.themes;
  return { ...c, themes, gone: { ...c.gone, [id]: Number.MAX_SAFE_INTEGER } };
}

/** A full state from `board:sync` replaces what was there, keeping the memory of deletions. */
export function fromState(
  notes: readonly NoteView[],
  themes: readonly ThemeView[],
  deleted: readonly { id: string; version: number }[],
  prev?: BoardContent,
): BoardContent {
  const gone: Record<string, number> = { ...(prev?.gone ?? {}) };
  for (const d of deleted) gone[d.id] = d.version;
  const c: BoardContent = { notes: {}, themes: {}, gone };
  const withNotes = upsertNotes(c, notes);
  return themes.reduce(upsertTheme, withNotes);
}

/**
 * [BOARD14] A sync answer merged with what arrived meanwhile: the sync is the server's state when
 * it was read; broadcasts received since may be newer, so per item the higher version wins, and
 * whatever is deleted stays deleted.
 */
export function mergeSync(
  prev: BoardContent | undefined,
  state: {
    notes: readonly NoteView[];
    themes: readonly ThemeView[];
    deleted: readonly { id: string; version: number }[];
  },
): BoardContent {
  let c = fromState(state.notes, state.themes, state.deleted, prev);
  if (!prev) return c;
  c = upsertNotes(c, Object.values(prev.notes));
  return Object.values(prev.themes).reduce(upsertTheme, c);
}

/** Post-its of a theme in the order they are drawn: oldest first. */
export function notesOfTheme(notes: Iterable<NoteView>, themeId: string): NoteView[] {
  const out: NoteView[] = [];
  for (const n of notes) if (n.themeId === themeId) out.push(n);
  return out.sort(byAge);
}

export const byAge = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/** Themes in reading order: top to bottom in bands of one frame height, then left to right. */
export function themesInReadingOrder<T extends { x: number; y: number; createdAt: number; id: string }>(
  themes: Iterable<T>,
): T[] {
  return [...themes].sort(
    (a, b) => Math.floor(a.y / 200) - Math.floor(b.y / 200) || a.x - b.x || byAge(a, b),
  );
}
