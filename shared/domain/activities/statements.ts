import type { Position, StatementsSpec, StatementsValue } from '../../protocol/schemas/activity';
import type { ResponseRecord } from '../types';

export const DEFAULT_STATEMENT_LABELS = { agree: 'Eens', neutral: 'Neutraal', disagree: 'Oneens' } as const;
export const DEFAULT_STATEMENTS_QUESTION = 'Ben je het eens met deze stellingen?';

export interface StatementNote {
  position: Position;
  text: string;
  /** Only when the activity is not anonymous. */
  author?: string;
}

export interface StatementTally {
  agree: number;
  neutral: number;
  disagree: number;
  /** How many gave a position on this statement (skipping is allowed). */
  answered: number;
  /** Explanations in the order agree, neutral, disagree, then time of answering. */
  notes: StatementNote[];
}

/** [STMT4] Results of a statements activity: counts per position and explanations, per statement. */
export interface StatementsResults {
  kind: 'statements';
  activityId: string;
  /** Participants who answered at least one statement. */
  total: number;
  statements: StatementTally[];
}

/** [STMT2] One answer per statement (skips allowed, not all), neutral only when offered. */
export function checkStatementsValue(spec: StatementsSpec, value: StatementsValue): string | null {
  if (value.answers.length !== spec.statements.length) {
    return `give one answer per statement (${spec.statements.length}), null to skip one`;
  }
  if (value.answers.every((a) => a === null)) return 'answer at least one statement';
  if (!spec.neutral && value.answers.some((a) => a?.position === 'neutral')) {
    return 'this activity has no neutral position';
  }
  return null;
}

const ORDER: Record<Position, number> = { agree: 0, neutral: 1, disagree: 2 };

/** [STMT4] Tally per statement; explanations grouped by position, authors only if not anonymous. */
export function tallyStatements(
  activityId: string,
  spec: StatementsSpec,
  responses: readonly ResponseRecord<StatementsValue>[],
  authorOf?: (participantId: string) => string | undefined,
): StatementsResults {
  const statements: (StatementTally & { at: number[] })[] = spec.statements.map(() => ({
    agree: 0,
    neutral: 0,
    disagree: 0,
    answered: 0,
    notes: [],
    at: [],
  }));
  let total = 0;
  for (const r of responses) {
    const answers = r.value.answers;
    if (!Array.isArray(answers) || answers.length !== spec.statements.length) continue;
    let any = false;
    for (const [i, a] of answers.entries()) {
      const s = statements[i];
      if (!a || !s || !(a.position in ORDER)) continue;
      if (a.position === 'neutral' && !spec.neutral) continue;
      any = true;
      s[a.position] += 1;
      s.answered += 1;
      const note = a.note?.trim();
      if (note) {
        const author = authorOf?.(r.participantId);
        s.notes.push({ position: a.position, text: note, ...(author ? { author } : {}) });
        s.at.push(r.updatedAt);
      }
    }
    if (any) total += 1;
  }
  return {
    kind: 'statements',
    activityId,
    total,
    statements: statements.map(({ at, notes, ...rest }) => ({
      ...rest,
      notes: notes
        .map((n, i) => ({ n, at: at[i]! }))
        .sort((a, b) => ORDER[a.n.position] - ORDER[b.n.position] || a.at - b.at)
        .map((x) => x.n),
    })),
  };
}
