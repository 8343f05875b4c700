import type { ChatDigest } from '../domain/chat';
import { bullets, h, type ReportBlock } from './blocks';
import type { ReportLang } from './text';

const TITLES = {
  nl: {
    tips: (n: number) => `Tips (top ${n}) uit de chat`,
    others: 'Wat is er nog meer in de chat gezegd?',
    links: 'Getipte documenten en links',
  },
  en: {
    tips: (n: number) => `Tips (top ${n}) from the chat`,
    others: 'What else was said in the chat?',
    links: 'Documents and links shared',
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
