import type { ActivityKindName, ActivitySpec } from '../../protocol/schemas/activity';
import type { BreakoutResults } from '../board/results';
import type { ResponseRecord } from '../types';
import { type ChoiceResults, checkChoiceValue, tallyChoice } from './choice';
import { checkScaleValue, type ScaleResults, tallyScale } from './scale';
import { checkStatementsValue, type StatementsResults, tallyStatements } from './statements';
import { checkWordsValue, redactWords, tallyWords, type WordsResults } from './words';

export * from './choice';
export * from './scale';
export * from './statements';
export * from './words';

/** Results of any activity, tagged by kind. */
export type Results = ScaleResults | StatementsResults | ChoiceResults | WordsResults | BreakoutResults;

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
    /** The facilitator's edits of the results, for kinds that have them (the word cloud). */
    curation?: unknown,
  ): Results;
  /** What participants and observers may see of revealed results (default: the same as staff). */
  redact?(results: never): Results;
  /** False when the kind takes its explanations inside the value (statements: one per statement). */
  acceptsNote?: boolean;
  /** True when results depend on stored curation (`tally` then receives it). */
  curated?: boolean;
}

export const ACTIVITY_RULES: { [K in ResponseKindName]: ActivityRules<K> } = {
  scale: { check: checkScaleValue, tally: tallyScale },
  statements: { check: checkStatementsValue, tally: tallyStatements, acceptsNote: false },
  choice: { check: checkChoiceValue, tally: tallyChoice },
  words: {
    check: checkWordsValue,
    tally: tallyWords,
    redact: redactWords,
    acceptsNote: false,
    curated: true,
  },
};

/** The rules of a kind with per-participant answers (kinds with their own storage have none). */
const rulesOf = (kind: ActivityKindName): ActivityRules<ResponseKindName> =>
  (isResponseKind(kind) ? ACTIVITY_RULES[kind] : {}) as ActivityRules<ResponseKindName>;

export function checkValue(spec: ActivitySpec, value: unknown): string | null {
  if (!isResponseKind(spec.kind)) return 'this activity takes no answers';
  return rulesOf(spec.kind).check(spec as never, value as never);
}

export function tally(
  activityId: string,
  spec: ActivitySpec,
  responses: readonly ResponseRecord[],
  authorOf?: (participantId: string) => string | undefined,
  curation?: unknown,
): Results {
  if (!isResponseKind(spec.kind)) throw new Error(`${spec.kind} keeps its own results`);
  return rulesOf(spec.kind).tally(
    activityId,
    spec as never,
    responses as readonly ResponseRecord<never>[],
    authorOf,
    curation,
  );
}

/** [STMT5][CHOICE5][WORDS5] Revealed results as participants and observers receive them. */
export function redact(kind: ActivityKindName, results: Results): Results {
  const r = rulesOf(kind).redact;
  return r ? r(results as never) : results;
}

export const acceptsNote = (kind: ActivityKindName) => rulesOf(kind).acceptsNote !== false;
export const isCurated = (kind: ActivityKindName) => rulesOf(kind).curated === true;
