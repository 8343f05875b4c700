import type { BoardSummary, BreakoutResults, NoteSummary } from '../domain/board/results';
import { isolate } from './bidi';
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
    ofWhichInRoom: (n: number) => `waarvan ${n} in de kamer`,
    room: (label: string) => label,
  },
  en: {
    intro: 'The group split into break-outs. People answered the following questions on post-its:',
    introOne: 'The group split into break-outs. People answered this question on post-its:',
    overview: 'Below is an overview of the main insights from the different conversations:',
    other: 'Other points',
    votes: (n: number) => (n === 1 ? '1 vote' : `${n} votes`),
    ofWhichInRoom: (n: number) => `${n} of them in the room`,
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

/**
 * [BOARD13] The votes a post-it got, in words. On the synthesis a post-it's count already holds the
 * votes its original got in its room (`roomVotes`); where only part of them came from the room, the
 * verslag says how many ("4 stemmen, waarvan 3 in de kamer"), as the board does.
 */
function votesOf(n: NoteSummary, lang: Lang): string {
  const w = WORDS[lang];
  if (n.votes <= 0) return '';
  const inRoom = n.roomVotes ?? 0;
  return inRoom > 0 && inRoom < n.votes
    ? `${w.votes(n.votes)}, ${w.ofWhichInRoom(inRoom)}`
    : w.votes(n.votes);
}

function bullet(n: NoteSummary, o: Required<BoardBlockOptions>) {
  const w = WORDS[o.lang];
  const votes = o.votes ? votesOf(n, o.lang) : '';
  // [TEXT2] The post-it's text is isolated where a count or room follows it.
  let text = votes || (o.roomLabels && n.roomLabel) ? isolate(n.text) : n.text;
  if (votes) text += ` (${votes})`;
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
 * questions, then "Hieronder een overzicht van belangrijke inzichten…", then per question (a
 * sub-heading with the question itself when there are several) the themes of its plenary
 * synthesis as headings, each with its post-its as bullets (most votes first, with the votes),
 * then "Overige punten" with that question's post-its in no theme. A question without a synthesis
 * gives each room's board instead, under the room. Heading levels: the harvest sits under an
 * agenda item's heading (level 2), so questions are level 3 and themes level 4 (with one
 * question, themes are level 3).
 */
export function breakoutToBlocks(results: BreakoutResults, options: BoardBlockOptions = {}): ReportBlock[] {
  const lang = options.lang ?? 'nl';
  const w = WORDS[lang];
  const many = results.questions.length > 1;
  const base = options.headingLevel ?? 3;
  const level = (many ? Math.min(base + 1, 4) : base) as 3 | 4;
  const o = { ...options, lang };
  const out: ReportBlock[] = [p(many ? w.intro : w.introOne)];
  for (const q of results.questions) out.push(p(`“${q.question}”`));
  out.push(p(w.overview));
  for (const q of results.questions) {
    const synthesis = q.synthesis && q.synthesis.noteCount > 0 ? q.synthesis : null;
    const rooms = synthesis ? [] : q.rooms.filter((r) => r.noteCount > 0);
    if (!synthesis && rooms.length === 0) continue;
    if (many) out.push(h(base, q.question));
    if (synthesis) {
      out.push(...boardToBlocks(synthesis, { ...o, headingLevel: level }));
      continue;
    }
    for (const room of rooms) {
      out.push(h(level, room.roomLabel ?? ''));
      out.push(...boardToBlocks(room, { ...o, headingLevel: Math.min(level + 1, 4) as 3 | 4 }));
    }
  }
  return out;
}
