import type { Scope } from './scopes';

export type ChatAuthorRole = 'participant' | 'facilitator' | 'secretary';

/** [CHAT1] A chat message as a client receives it. Hidden messages reach only the staff. */
export interface ChatMessageView {
  id: string;
  channel: Scope;
  /** Increasing per meeting: the order of messages and the cursor for older pages. */
  seq: number;
  /** The participant who wrote it (null for staff). Lets a client recognise its own messages. */
  authorId: string | null;
  /** The participant's display name when they wrote it; empty for staff (shown by role). */
  authorName: string;
  authorRole: ChatAuthorRole;
  text: string;
  createdAt: number;
  votes: number;
  tip: boolean;
  /** Marked as a tip by the facilitator or the secretary (a participant cannot undo that). */
  tipByStaff: boolean;
  pinned: boolean;
  hidden: boolean;
}

/** [CHAT6] A link someone shared, titled by its own text; nothing is ever fetched from it. */
export interface SharedLink {
  url: string;
  messageId: string;
  channel: Scope;
  authorName: string;
  authorRole: ChatAuthorRole;
  createdAt: number;
}

export interface ChatChannelPage {
  channel: Scope;
  /** Oldest first. */
  messages: ChatMessageView[];
  /** Older messages exist (fetch them with `chat:history`). */
  hasMore: boolean;
}

/** The chat part of a snapshot: the latest page per channel, every tip and pin, the links, my votes. */
export interface ChatSnapshot {
  channels: ChatChannelPage[];
  /** Every tip and every pinned message (also older than the latest page). */
  highlights: ChatMessageView[];
  links: SharedLink[];
  /** Message ids this participant upvoted. */
  myVotes: string[];
}

// http(s) only: other schemes (javascript:, data:) are never made into links.
const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/giu;
const TRAILING = /[.,;:!?)\]}'"»”’]+$/u;

/**
 * [CHAT6] The http(s) links in a message, as written (trailing punctuation left out), each once,
 * at most `max`. A link that does not parse as a URL is skipped.
 */
export function extractLinks(text: string, max = 10): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0].replace(TRAILING, '');
    // Keep a closing bracket that belongs to the link (wiki-style URLs).
    if (
      m[0].length > url.length &&
      url.includes('(') &&
      !url.includes(')') &&
      m[0].slice(url.length).startsWith(')')
    ) {
      url += ')';
    }
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
    } catch {
      continue;
    }
    if (!out.includes(url)) out.push(url);
    if (out.length >= max) break;
  }
  return out;
}

/** Text split into plain parts and http(s) links, for rendering links as anchors and the rest as text. */
export function splitLinks(text: string): { text: string; url?: string }[] {
  const parts: { text: string; url?: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(TRAILING, '');
    const start = m.index ?? 0;
    let ok = false;
    try {
      const u = new URL(url);
      ok = u.protocol === 'http:' || u.protocol === 'https:';
    } catch {}
    if (!ok) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Most votes first; on equal votes the earlier message first. */
export const byVotes = (a: ChatMessageView, b: ChatMessageView) => b.votes - a.votes || a.seq - b.seq;

/** What the verslag takes from a chat (seed 004). */
export interface ChatDigest {
  /** "Tips (top 10) uit de chat": tips by votes. */
  topTips: ChatMessageView[];
  /** "Wat is er nog meer in de chat gezegd?": every other visible message, in chat order. */
  others: ChatMessageView[];
  /** "Getipte documenten en links": each link once, in order of first sharing. */
  links: SharedLink[];
}

/**
 * [CHAT7] The digest of a chat: the top `top` tips by votes (ties: earliest first), the remaining
 * visible messages in order, and every shared link once. Hidden messages are left out everywhere.
 */
export function chatDigest(messages: readonly ChatMessageView[], top = 10): ChatDigest {
  const visible = messages.filter((m) => !m.hidden).sort((a, b) => a.seq - b.seq);
  const topTips = visible
    .filter((m) => m.tip)
    .sort(byVotes)
    .slice(0, top);
  const inTop = new Set(topTips.map((m) => m.id));
  const others = visible.filter((m) => !inTop.has(m.id));
  const links: SharedLink[] = [];
  const seen = new Set<string>();
  for (const m of visible) {
    for (const url of extractLinks(m.text)) {
      if (seen.has(url)) continue;
      seen.add(url);
      links.push({
        url,
        messageId: m.id,
        channel: m.channel,
        authorName: m.authorName,
        authorRole: m.authorRole,
        createdAt: m.createdAt,
      });
    }
  }
  return { topTips, others, links };
}
