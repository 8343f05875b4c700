import type { ActivityKindName, ActivitySpec } from '../../protocol/schemas/activity';
import type { ResponseRecord } from '../types';
import { checkScaleValue, type ScaleResults, tallyScale } from './scale';

export * from './scale';

/** Results of any activity, tagged by kind. */
export type Results = ScaleResults;

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

export const ACTIVITY_RULES: { [K in ActivityKindName]: ActivityRules<K> } = {
  scale: { check: checkScaleValue, tally: tallyScale },
};

export function checkValue(spec: ActivitySpec, value: unknown): string | null {
  const rules = ACTIVITY_RULES[spec.kind] as ActivityRules<ActivityKindName>;
  return rules.check(spec, value as never);
}

export function tally(
  activityId: string,
  spec: ActivitySpec,
  responses: readonly ResponseRecord[],
  authorOf?: (participantId: string) => string | undefined,
): Results {
  const rules = ACTIVITY_RULES[spec.kind] as ActivityRules<ActivityKindName>;
  return rules.tally(activityId, spec, responses as readonly ResponseRecord<never>[], authorOf);
}
