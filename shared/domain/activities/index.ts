import type { ActivityKindName, ActivitySpec } from '../../protocol/schemas/activity';
import type { BreakoutResults } from '../board/results';
import type { ResponseRecord } from '../types';
import { checkScaleValue, type ScaleResults, tallyScale } from './scale';

export * from './scale';

/** Results of any activity, tagged by kind. */
export type Results = ScaleResults | BreakoutResults;

/**
 * Kinds that keep their own storage (rooms, boards, post-its) instead of one answer per
 * participant. They take no `response:submit`; the server asks a per-kind provider for their
 * results (`ActivityService.provide`).
 */
export const OWN_STORAGE_KINDS = ['breakout'] as const;
export type OwnStorageKind = (typeof OWN_STORAGE_KINDS)[number];
export type ResponseKindName = Exclude<ActivityKindName, OwnStorageKind>;
export const isResponseKind = (kind: ActivityKindName): kind is ResponseKindName =>
  !(OWN_STORAGE_KINDS as readonly string[]).includes(kind);

type SpecOf<K extends ActivityKindName> = Extract<ActivitySpec, { kind: K }>;

/** The pure rules of one kind of activity. The server uses them to refuse and to tally. */
export interface ActivityRules<K extends ActivityKindName> {
  /** A parsed value that the spec still refuses (a level that does not exist): the reason, or null. */
  check(spec: SpecOf<K>, value: never): string | null;
  tally(
    activityId: string,
    spec: SpecOf<K>,
    responses: readonly ResponseRecord<never>[],
    authorOf?: (participantId: string) => string | undefined,
  ): Results;
}

export const ACTIVITY_RULES: { [K in ResponseKindName]: ActivityRules<K> } = {
  scale: { check: checkScaleValue, tally: tallyScale },
};

export function checkValue(spec: ActivitySpec, value: unknown): string | null {
  if (!isResponseKind(spec.kind)) return 'this activity takes no answers';
  const rules = ACTIVITY_RULES[spec.kind] as ActivityRules<ResponseKindName>;
  return rules.check(spec as never, value as never);
}

export function tally(
  activityId: string,
  spec: ActivitySpec,
  responses: readonly ResponseRecord[],
  authorOf?: (participantId: string) => string | undefined,
): Results {
  if (!isResponseKind(spec.kind)) throw new Error(`${spec.kind} keeps its own results`);
  const rules = ACTIVITY_RULES[spec.kind] as ActivityRules<ResponseKindName>;
  return rules.tally(activityId, spec as never, responses as readonly ResponseRecord<never>[], authorOf);
}
