import type { StateCreator } from 'zustand';
import {
  byVotes,
  type ChatChannelPage,
  type ChatMessageView,
  extractLinks,
  type SharedLink,
} from '../../shared/domain/chat';
import type { Snapshot } from '../../shared/domain/types';
import type { AppState } from './index';

export interface ChatState {
  /** False for roles without chat (observers). */
  enabled: boolean;
  /** Every message this client knows (the loaded window, tips and pins, updates). */
  messages: Record<string, ChatMessageView>;
  /** Per channel: the ids of the loaded window, by seq. */
  order: Record<string, string[]>;
  hasMore: Record<string, boolean>;
  links: SharedLink[];
  myVotes: Record<string, true>;
}

export interface ChatSlice {
  chat: ChatState;
  chatSnapshot(s: Snapshot): void;
  chatMessage(m: ChatMessageView): void;
  chatUpdated(m: ChatMessageView): void;
  chatRemoved(id: string): void;
  chatMyVote(messageId: string, up: boolean): void;
  chatOlder(page: ChatChannelPage): void;
  /** The newest page of a channel merged in (a break-out room one was just placed in). */
  chatPage(page: ChatChannelPage): void;
  /** [SCOPE2] Fetches the newest messages of a channel (after being placed in a room). */
  chatLoad(channel: string): Promise<void>;
}

const EMPTY: ChatState = { enabled: false, messages: {}, order: {}, hasMore: {}, links: [], myVotes: {} };

const linksOf = (m: ChatMessageView): SharedLink[] =>
  extractLinks(m.text).map((url) => ({
    url,
    messageId: m.id,
    channel: m.channel,
    authorName: m.authorName,
    authorRole: m.authorRole,
    createdAt: m.createdAt,
  }));

/** Inserts `id` into a seq-sorted list (messages mostly arrive in order: a cheap append). */
function insertSorted(
  ids: string[],
  id: string,
  seq: number,
  all: Record<string, ChatMessageView>,
): string[] {
  if (ids.includes(id)) return ids;
  const out = [...ids];
  let i = out.length;
  while (i > 0 && (all[out[i - 1]!]?.seq ?? 0) > seq) i--;
  out.splice(i, 0, id);
  return out;
}

/** Whether a message belongs in the loaded window of its channel (not older than what is loaded). */
function inWindow(c: ChatState, m: ChatMessageView): boolean {
  const ids = c.order[m.channel] ?? [];
  if (!c.hasMore[m.channel] || ids.length === 0) return true;
  return (c.messages[ids[0]!]?.seq ?? 0) <= m.seq;
}

function upsert(c: ChatState, m: ChatMessageView): ChatState {
  const messages = { ...c.messages, [m.id]: m };
  // Hidden messages reach only the staff, who see them in place (marked as hidden).
  const order = inWindow(c, m)
    ? { ...c.order, [m.channel]: insertSorted(c.order[m.channel] ?? [], m.id, m.seq, messages) }
    : c.order;
  const others = c.links.filter((l) => l.messageId !== m.id);
  const links = m.hidden ? others : [...others, ...linksOf(m)].sort((a, b) => a.createdAt - b.createdAt);
  return { ...c, messages, order, links };
}

export const createChatSlice: StateCreator<AppState, [], [], ChatSlice> = (set, get) => ({
  chat: EMPTY,
  chatSnapshot: (s) => {
    if (!s.chat) return set({ chat: EMPTY });
    const messages: Record<string, ChatMessageView> = {};
    const order: Record<string, string[]> = {};
    const hasMore: Record<string, boolean> = {};
    for (const m of s.chat.highlights) messages[m.id] = m;
    for (const page of s.chat.channels) {
      for (const m of page.messages) messages[m.id] = m;
      order[page.channel] = page.messages.map((m) => m.id);
      hasMore[page.channel] = page.hasMore;
    }
    set({
      chat: {
        enabled: true,
        messages,
        order,
        hasMore,
        links: s.chat.links,
        myVotes: Object.fromEntries(s.chat.myVotes.map((id) => [id, true as const])),
      },
    });
  },
  chatMessage: (m) => set((s) => ({ chat: upsert(s.chat, m) })),
  chatUpdated: (m) => set((s) => ({ chat: upsert(s.chat, m) })),
  chatRemoved: (id) =>
    set((s) => {
      const m = s.chat.messages[id];
      if (!m) return s;
      const { [id]: _gone, ...messages } = s.chat.messages;
      return {
        chat: {
          ...s.chat,
          messages,
          order: { ...s.chat.order, [m.channel]: (s.chat.order[m.channel] ?? []).filter((x) => x !== id) },
          links: s.chat.links.filter((l) => l.messageId !== id),
        },
      };
    }),
  chatMyVote: (messageId, up) =>
    set((s) => {
      const { [messageId]: _x, ...rest } = s.chat.myVotes;
      return { chat: { ...s.chat, myVotes: up ? { ...rest, [messageId]: true } : rest } };
    }),
  chatPage: (page) =>
    set((s) => {
      const messages = { ...s.chat.messages };
      for (const m of page.messages) messages[m.id] = m;
      const before = s.chat.order[page.channel] ?? [];
      const ids = [...new Set([...before, ...page.messages.map((m) => m.id)])].sort(
        (a, b) => (messages[a]?.seq ?? 0) - (messages[b]?.seq ?? 0),
      );
      const oldestBefore = before[0] ? (messages[before[0]]?.seq ?? 0) : Number.POSITIVE_INFINITY;
      const oldestPage = page.messages[0]?.seq ?? Number.POSITIVE_INFINITY;
      const hasMore = oldestBefore < oldestPage ? (s.chat.hasMore[page.channel] ?? false) : page.hasMore;
      const inPage = new Set(page.messages.map((m) => m.id));
      const links = [
        ...s.chat.links.filter((l) => !inPage.has(l.messageId)),
        ...page.messages.filter((m) => !m.hidden).flatMap(linksOf),
      ].sort((a, b) => a.createdAt - b.createdAt);
      return {
        chat: {
          ...s.chat,
          messages,
          order: { ...s.chat.order, [page.channel]: ids },
          hasMore: { ...s.chat.hasMore, [page.channel]: hasMore },
          links,
        },
      };
    }),
  chatLoad: async (channel) => {
    const conn = get().connection;
    if (!conn || !get().chat.enabled) return;
    try {
      const r = await conn.request('chat:history', {
        channel: channel as 'meeting',
        beforeSeq: Number.MAX_SAFE_INTEGER,
      });
      if (r.ok) get().chatPage(r.data);
    } catch {
      // Offline: the snapshot after the reconnect carries the room's chat.
    }
  },
  chatOlder: (page) =>
    set((s) => {
      const messages = { ...s.chat.messages };
      for (const m of page.messages) messages[m.id] = m;
      const known = new Set(s.chat.order[page.channel] ?? []);
      const older = page.messages.map((m) => m.id).filter((id) => !known.has(id));
      return {
        chat: {
          ...s.chat,
          messages,
          order: { ...s.chat.order, [page.channel]: [...older, ...(s.chat.order[page.channel] ?? [])] },
          hasMore: { ...s.chat.hasMore, [page.channel]: page.hasMore },
        },
      };
    }),
});

/** [CHAT7] Tips by votes (ties: earliest first), never hidden ones. */
export const tipsOf = (c: ChatState, channel: string) =>
  Object.values(c.messages)
    .filter((m) => m.channel === channel && m.tip && !m.hidden)
    .sort(byVotes);

export const pinnedOf = (c: ChatState, channel: string) =>
  Object.values(c.messages)
    .filter((m) => m.channel === channel && m.pinned && !m.hidden)
    .sort((a, b) => a.seq - b.seq);
