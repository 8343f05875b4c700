import type { ChatDigest } from '../domain/chat';
import { bullets, h, type ReportBlock } from './blocks';
import type { ReportLang } from './text';

const TITLES = {
  nl: {
    tips: (n: number) => `Tips (top ${n}) uit de chat`,
    others: 'Wat is er nog meer in de chat gezegd?',
    links: 'Getipte documenten en links',
    room: (room: string) => `Uit de chat van ${room}`,
  },
  en: {
    tips: (n: number) => `Tips (top ${n}) from the chat`,
    others: 'What else was said in the chat?',
    links: 'Documents and links shared',
    room: (room: string) => `From the chat of ${room}`,
  },
};

/**
 * [CHAT8] The chat → verslag, in the shape of seed 004: "Tips (top 10) uit de chat" as a numbered
 * list (by votes), "Wat is er nog meer in de chat gezegd?" as bullets, "Getipte documenten en links"
 * as links titled by their own text. Empty sections are left out; no names (a verslag does not
 * attribute chat lines).
 */
export function harvestChat(
  digest: ChatDigest,
  lang: ReportLang,
  opts: { level?: 2 | 3 | 4 } = {},
): ReportBlock[] {
  const level = opts.level ?? 2;
  const t = TITLES[lang];
  const blocks: ReportBlock[] = [];
  if (digest.topTips.length > 0) {
    blocks.push(h(level, t.tips(digest.topTips.length)));
    blocks.push({ type: 'orderedList', items: digest.topTips.map((m) => [{ text: m.text }]) });
  }
  if (digest.others.length > 0) {
    blocks.push(h(level, t.others));
    blocks.push(bullets(digest.others.map((m) => m.text)));
  }
  if (digest.links.length > 0) {
    blocks.push(h(level, t.links));
    blocks.push({ type: 'bulletList', items: digest.links.map((l) => [{ text: l.url, link: l.url }]) });
  }
  return blocks;
}

/**
 * [REPORT14] A break-out room's chat → verslag: a heading naming the room ("Uit de chat van
 * Kamer 2"), then the three parts of `harvestChat` one level deeper. Nothing when the room's chat
 * has nothing to show.
 */
export function harvestRoomChat(
  digest: ChatDigest,
  lang: ReportLang,
  roomLabel: string,
  opts: { level?: 2 | 3 } = {},
): ReportBlock[] {
  const level = opts.level ?? 3;
  const body = harvestChat(digest, lang, { level: (level + 1) as 3 | 4 });
  return body.length === 0 ? [] : [h(level, TITLES[lang].room(roomLabel)), ...body];
}
