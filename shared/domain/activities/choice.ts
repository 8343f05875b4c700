import type { ChoiceMode, ChoiceSpec, ChoiceValue } from '../../protocol/schemas/activity';
import type { ResponseRecord } from '../types';

export const DEFAULT_POINTS_BUDGET = 10;

export interface ChoiceOptionTally {
  index: number;
  /** single/multiple: votes. rank: Borda points (first of n gets n, last gets 1). points: points given. */
  score: number;
  /** single/multiple: votes. rank: times put first. points: people who gave it any points. */
  count: number;
  /** rank only: the average place (1 = first), rounded to one decimal. */
  averagePlace?: number;
}

export interface ChoiceRankEntry extends ChoiceOptionTally {
  /** 1-based place in the ranking; equal scores share a place (1, 1, 3). */
  place: number;
}

export interface ChoiceNote {
  text: string;
  author?: string;
}

/** [CHOICE4] Results: a score per option, and the options ordered by it (the ranking). */
export interface ChoiceResults {
  kind: 'choice';
  activityId: string;
  mode: ChoiceMode;
  /** Participants who answered. */
  total: number;
  /** In the order of the spec's options. */
  options: ChoiceOptionTally[];
  /** Highest score first; ties keep the options' own order and share a place. */
  ranking: ChoiceRankEntry[];
  notes: ChoiceNote[];
}

export const budgetOf = (spec: ChoiceSpec) => spec.budget ?? DEFAULT_POINTS_BUDGET;
export const maxChoicesOf = (spec: ChoiceSpec) =>
  spec.mode === 'single' ? 1 : spec.mode === 'multiple' ? (spec.maxChoices ?? spec.options.length) : 0;

/** [CHOICE2] The value must match the mode and the options of this question. */
export function checkChoiceValue(spec: ChoiceSpec, value: ChoiceValue): string | null {
  const n = spec.options.length;
  const inRange = (xs: number[]) => xs.every((x) => x >= 0 && x < n);
  const unique = (xs: number[]) => new Set(xs).size === xs.length;
  switch (spec.mode) {
    case 'single':
      if (!value.selected) return 'this question takes `selected` with one option';
      if (value.selected.length !== 1) return 'choose exactly one option';
      return inRange(value.selected) ? null : `options are numbered 0 to ${n - 1}`;
    case 'multiple': {
      if (!value.selected) return 'this question takes `selected`';
      const max = maxChoicesOf(spec);
      if (value.selected.length > max) return `choose at most ${max} options`;
      if (!unique(value.selected)) return 'an option can be chosen only once';
      return inRange(value.selected) ? null : `options are numbered 0 to ${n - 1}`;
    }
    case 'rank':
      if (!value.order) return 'this question takes `order`: every option once, first place first';
      if (value.order.length !== n || !unique(value.order) || !inRange(value.order)) {
        return `put every option (0 to ${n - 1}) in the order once`;
      }
      return null;
    case 'points': {
      if (!value.points) return 'this question takes `points`: one number per option';
      if (value.points.length !== n) return `give points for each of the ${n} options`;
      const sum = value.points.reduce((a, b) => a + b, 0);
      if (sum === 0) return 'divide at least one point';
      if (sum > budgetOf(spec)) return `divide at most ${budgetOf(spec)} points`;
      return null;
    }
  }
}

/** Standard competition ranking: highest score first, equal scores share a place. */
export function rankOptions(options: readonly ChoiceOptionTally[]): ChoiceRankEntry[] {
  const sorted = [...options].sort((a, b) => b.score - a.score || a.index - b.index);
  const out: ChoiceRankEntry[] = [];
  for (const [i, o] of sorted.entries()) {
    const prev = out[i - 1];
    out.push({ ...o, place: prev && prev.score === o.score ? prev.place : i + 1 });
  }
  return out;
}

/** [CHOICE4] Tally by mode; explanations in the order given, authors only if not anonymous. */
export function tallyChoice(
  activityId: string,
  spec: ChoiceSpec,
  responses: readonly ResponseRecord<ChoiceValue>[],
  authorOf?: (participantId: string) => string | undefined,
): ChoiceResults {
  const n = spec.options.length;
  const score = new Array<number>(n).fill(0);
  const count = new Array<number>(n).fill(0);
  const placeSum = new Array<number>(n).fill(0);
  const notes: ChoiceNote[] = [];
  let total = 0;
  for (const r of [...responses].sort((a, b) => a.updatedAt - b.updatedAt)) {
    const v = r.value;
    if (checkChoiceValue(spec, v) !== null) continue; // answers stored before an edit no longer fit
    total += 1;
    if (spec.mode === 'single' || spec.mode === 'multiple') {
      for (const i of v.selected!) {
        score[i]! += 1;
        count[i]! += 1;
      }
    } else if (spec.mode === 'rank') {
      for (const [place, i] of v.order!.entries()) {
        score[i]! += n - place;
        placeSum[i]! += place + 1;
        if (place === 0) count[i]! += 1;
      }
    } else {
      for (const [i, p] of v.points!.entries()) {
        score[i]! += p;
        if (p > 0) count[i]! += 1;
      }
    }
    const note = r.note.trim();
    if (note) {
      const author = authorOf?.(r.participantId);
      notes.push({ text: note, ...(author ? { author } : {}) });
    }
  }
  const options: ChoiceOptionTally[] = spec.options.map((_, index) => ({
    index,
    score: score[index]!,
    count: count[index]!,
    ...(spec.mode === 'rank' && total > 0
      ? { averagePlace: Math.round((placeSum[index]! / total) * 10) / 10 }
      : {}),
  }));
  return {
    kind: 'choice',
    activityId,
    mode: spec.mode,
    total,
    options,
    ranking: rankOptions(options),
    notes,
  };
}
