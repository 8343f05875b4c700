import type { ScaleSpec, ScaleValue } from '../../protocol/schemas/activity';
import type { ResponseRecord } from '../types';

/**
 * [POLL1] The levels of a new scale poll: four steps whose order nobody can misread. (The
 * reference meeting's "beetje" and "enigszins" could be either way round.)
 */
export const DEFAULT_SCALE_LEVELS = [
  'Helemaal niet tevreden',
  'Een beetje tevreden',
  'Redelijk tevreden',
  'Zeer tevreden',
] as const;

/**
 * [POLL1] The reference meeting's own four levels (seed 000), offered in the editor so a group that
 * asks the same question every meeting can keep comparing with earlier answers; the demo uses them.
 */
export const SEED_SCALE_LEVELS = [
  'Helemaal niet tevreden',
  'Beetje tevreden',
  'Enigszins tevreden',
  'Zeer tevreden',
] as const;

/** The question of a new scale poll: "je", as everywhere in Oogst. */
export const DEFAULT_SCALE_QUESTION =
  'Hoe tevreden ben je over de stand van participatie in de aardgasvrije transitie?';

/** The reference meeting's question as it was asked (seed 000), for tests that rebuild that meeting. */
export const SEED_SCALE_QUESTION =
  'Hoe tevreden bent u over de stand van participatie in de aardgasvrije transitie?';

export interface ScaleNote {
  level: number;
  text: string;
  /** Only when the poll is not anonymous. */
  author?: string;
}

/** Results of a scale poll: a count per level and the explanations grouped by level. */
export interface ScaleResults {
  kind: 'scale';
  activityId: string;
  total: number;
  counts: number[];
  /** Sorted by level, then by time of answering. */
  notes: ScaleNote[];
}

/** [POLL4] A level must exist on this poll's scale. */
export function checkScaleValue(spec: ScaleSpec, value: ScaleValue): string | null {
  return value.level < spec.levels.length ? null : `level must be between 0 and ${spec.levels.length - 1}`;
}

/** [POLL6] Tally: one count per answer, explanations grouped by level, authors only if not anonymous. */
export function tallyScale(
  activityId: string,
  spec: ScaleSpec,
  responses: readonly ResponseRecord<ScaleValue>[],
  authorOf?: (participantId: string) => string | undefined,
): ScaleResults {
  const counts = spec.levels.map(() => 0);
  const notes: (ScaleNote & { at: number })[] = [];
  for (const r of responses) {
    const level = r.value.level;
    if (level < 0 || level >= counts.length) continue;
    counts[level]! += 1;
    if (r.note.trim() !== '') {
      const author = authorOf?.(r.participantId);
      notes.push({ level, text: r.note, at: r.updatedAt, ...(author ? { author } : {}) });
    }
  }
  notes.sort((a, b) => a.level - b.level || a.at - b.at);
  return {
    kind: 'scale',
    activityId,
    total: counts.reduce((a, b) => a + b, 0),
    counts,
    notes: notes.map(({ at: _at, ...n }) => n),
  };
}
