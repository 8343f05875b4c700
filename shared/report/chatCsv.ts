import type { BreakoutResults } from '../domain/board/results';
import { MEETING_SCOPE } from '../domain/scopes';
import type { ChatRow } from '../protocol/schemas/results';
import { type ReportLang, reportStrings } from './strings';

/** Where a chat channel sits in the CSV: its agenda item (a room's break-out) and its name. */
export interface ChatChannelInfo {
  agendaItemId: string | null;
  name: string;
  /** Sort key: the meeting first, then rooms in the order of their break-outs and rooms. */
  order: number;
}

/**
 * The channels of a meeting's chat, named as people see them ("Chat met iedereen", "Chat in
 * Kamer 2"), from the break-outs' results (their rooms and agenda items), in agenda order.
 */
export function chatChannels(
  breakouts: readonly { agendaItemId: string | null; results: BreakoutResults }[],
  lang: ReportLang,
): Map<string, ChatChannelInfo> {
  const s = reportStrings(lang);
  const out = new Map<string, ChatChannelInfo>([
    [MEETING_SCOPE, { agendaItemId: null, name: s.chatMeeting, order: 0 }],
  ]);
  breakouts.forEach((b, i) => {
    for (const room of b.results.rooms) {
      out.set(`room:${room.id}`, {
        agendaItemId: b.agendaItemId,
        name: s.chatRoom(room.label),
        order: 1 + i * 1000 + room.index,
      });
    }
  });
  return out;
}

/** One CSV line of the chat: the common columns and the chat's own. */
export interface ChatCsvLine {
  agendaItemId: string | null;
  channel: string;
  votes: number;
  text: string;
  author: string;
  tip: string;
  pinned: string;
  links: string;
}

/**
 * [REPORT12][CHAT7] The chat in the results CSV: one line per visible message (hidden ones stay
 * out, as in every digest), channel by channel, in chat order, with its votes, tip, pin and links.
 * Names as the results API gives them (the chat is never anonymous; staff by their role); the
 * verslag's harvest leaves names out, the CSV is for the staff.
 */
export function chatCsvLines(
  rows: readonly ChatRow[],
  channels: ReadonlyMap<string, ChatChannelInfo>,
  lang: ReportLang,
): ChatCsvLine[] {
  const s = reportStrings(lang);
  const info = (channel: string) =>
    channels.get(channel) ?? { agendaItemId: null, name: channel, order: Number.MAX_SAFE_INTEGER };
  const role = { facilitator: s.roleFacilitator, secretary: s.roleSecretary, participant: '' };
  return rows
    .filter((m) => !m.hidden)
    .sort((a, b) => info(a.channel).order - info(b.channel).order || a.seq - b.seq)
    .map((m) => ({
      agendaItemId: info(m.channel).agendaItemId,
      channel: info(m.channel).name,
      votes: m.votes,
      text: m.text,
      author: m.authorRole === 'participant' ? m.author : role[m.authorRole],
      tip: m.tip ? s.yes : s.no,
      pinned: m.pinned ? s.yes : s.no,
      links: m.links,
    }));
}
