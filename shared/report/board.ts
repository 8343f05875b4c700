import type { BoardSummary, BreakoutResults, NoteSummary } from '../domain/board/results';
import type { ReportBlock } from './blocks';
import { h, p } from './blocks';

type Lang = 'nl' | 'en';

const WORDS = {
  nl: {
    // [A11Y4] Plain B1: who did what ("men gaf antwoord" was not).
    intro:
      'De groep ging in break-outs uiteen. De deelnemers schreven hun antwoorden op post-its, bij deze vragen:',
    introOne:
      'De groep ging in break-outs uiteen. De deelnemers schreven hun antwoorden op post-its, bij deze vraag:',
    overview: 'Hieronder een overzicht van belangrijke inzichten uit de verschillende gesprekken:',
    other: 'Overige punten',
    votes: (n: number) => (n === 1 ? '1 stem' : `${n} stemmen`),
    room: (label: string) => label,
  },
  en: {
    intro: 'The group split into break-outs. People answered the following questions on post-its:',
    introOne: 'The group split into break-outs. People answered this question on post-its:',
    overview: 'Below is an overview of the main insights from the different conversations:',
    other: 'Other points',
    votes: (n: number) => (n === 1 ? '1 vote' : `${n} votes`),
    room: (label: string) => label,
  },
} as const;

export interface BoardBlockOptions {
  lang?: Lang;
  /** Add "(3 stemmen)" after post-its that got votes. Default: true. */
  votes?: boolean;
  /** Level of the theme headings. Default 3. */
  headingLevel?: 2 | 3 | 4;
  /** Add the room after each post-it ("— Kamer 2"), as on a synthesis board. Default: false. */
  roomLabels?: boolean;
}

function bullet(n: NoteSummary, o: Required<BoardBlockOptions>) {
  const w = WORDS[o.lang];
  let text = n.text;
  if (o.votes && n.votes > 0) text += ` (${w.votes(n.votes)})`;
  if (o.roomLabels && n.roomLabel) text += ` — ${w.room(n.roomLabel)}`;
  return [{ text }];
}

/**
 * [BOARD15] A board's (or a synthesis board's) themes as verslag text, in the shape of seed 000:
 * per theme its heading, then its post-its as bullets (most votes first, with the vote count);
 * post-its in no theme follow under "Overige punten". Plain text only: nothing is interpreted.
 */
export function boardToBlocks(board: BoardSummary, options: BoardBlockOptions = {}): ReportBlock[] {
  const o: Required<BoardBlockOptions> = {
    lang: options.lang ?? 'nl',
    votes: options.votes ?? true,
    headingLevel: options.headingLevel ?? 3,
    roomLabels: options.roomLabels ?? false,
  };
  const out: ReportBlock[] = [];
  for (const t of board.themes) {
    out.push(h(o.headingLevel, t.heading));
    if (t.notes.length > 0) out.push({ type: 'bulletList', items: t.notes.map((n) => bullet(n, o)) });
  }
  if (board.unthemed.length > 0) {
    if (board.themes.length > 0) out.push(h(o.headingLevel, WORDS[o.lang].other));
    out.push({ type: 'bulletList', items: board.unthemed.map((n) => bullet(n, o)) });
  }
  return out;
}

/**
 * [BOARD15] A whole break-out as verslag text, in the shape of seed 000's "Verdieping": the
 * questions, then "Hieronder een overzicht van belangrijke inzichten…", then the themes of the
 * plenary synthesis as the section's headings (every question's synthesis board in question
 * order; the themes came from all rooms together), each with its post-its as bullets; post-its in
 * no theme follow once under "Overige punten" (led by their question when there are several).
 * A question without a synthesis board gives each room's board instead, under the question (with
 * several questions) and the room.
 */
export function breakoutToBlocks(results: BreakoutResults, options: BoardBlockOptions = {}): ReportBlock[] {
  const lang = options.lang ?? 'nl';
  const w = WORDS[lang];
  const many = results.questions.length > 1;
  const base = options.headingLevel ?? 3;
  const deeper = Math.min(base + 1, 4) as 3 | 4;
  const o = { ...options, lang };
  const out: ReportBlock[] = [p(many ? w.intro : w.introOne)];
  for (const q of results.questions) out.push(p(`“${q.question}”`));
  out.push(p(w.overview));
  const synthesised = (q: BreakoutResults['questions'][number]) => !!q.synthesis && q.synthesis.noteCount > 0;
  for (const q of results.questions) {
    if (synthesised(q)) {
      out.push(...boardToBlocks({ ...q.synthesis!, unthemed: [] }, { ...o, headingLevel: base }));
      continue;
    }
    const rooms = q.rooms.filter((r) => r.noteCount > 0);
    if (rooms.length === 0) continue;
    if (many) out.push(h(base, q.question));
    const level = many ? deeper : base;
    for (const room of rooms) {
      const blocks = boardToBlocks(room, { ...o, headingLevel: Math.min(level + 1, 4) as 3 | 4 });
      out.push(h(level, room.roomLabel ?? ''), ...blocks);
    }
  }
  const rest = results.questions.filter((q) => synthesised(q) && q.synthesis!.unthemed.length > 0);
  if (rest.length > 0) {
    const themed = results.questions.some((q) => synthesised(q) && q.synthesis!.themes.length > 0);
    if (themed) out.push(h(base, w.other));
    for (const q of rest) {
      if (many) out.push(p(`“${q.question}”`));
      out.push(...boardToBlocks({ ...q.synthesis!, themes: [] }, { ...o, headingLevel: base }));
    }
  }
  return out;
}
