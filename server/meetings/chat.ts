import {
  type ChatChannelPage,
  type ChatMessageView,
  type ChatSnapshot,
  chatDigest,
  extractLinks,
  type SharedLink,
} from '../../shared/domain/chat';
import { LIMITS } from '../../shared/domain/limits';
import { can, isStaff } from '../../shared/domain/roles';
import type { Scope } from '../../shared/domain/scopes';
import { DomainError } from '../../shared/protocol/ack';
import type { ChatExport } from '../../shared/protocol/schemas/results';
import { chatRow, linkRow } from '../../shared/report/rows';
import type { Store } from '../storage/store';
import type { ChatRecord } from '../storage/toolkit';
import type { Session } from './meetings';
import type { ScopeRegistry } from './scopes';

/** Messages per channel in a snapshot; older ones come with `chat:history`. */
export const SNAPSHOT_PAGE = 100;
const HIGHLIGHTS_MAX = 500;
const LINK_MESSAGES_MAX = 300;
const RATE_WINDOW_MS = 10_000;

const STAFF_KEYS = new Set(['facilitator', 'secretary']);

export const chatView = (r: ChatRecord): ChatMessageView => ({
  id: r.id,
  channel: r.channel,
  seq: r.seq,
  authorId: r.authorRole === 'participant' ? r.authorKey : null,
  authorName: r.authorName,
  authorRole: r.authorRole,
  text: r.text,
  createdAt: r.createdAt,
  votes: r.votes,
  tip: r.tip,
  tipByStaff: r.tip && r.tipBy !== null && STAFF_KEYS.has(r.tipBy),
  pinned: r.pinned,
  hidden: r.hidden,
});

/** The key that votes and rate limits count against: the participant, or the staff role. */
const keyOf = (s: Session) => s.participantId ?? s.role;

/** [CHAT1–CHAT7] The chat of a meeting: channels per scope, votes, tips, curation, links. */
export class ChatService {
  constructor(
    private readonly store: Store,
    private readonly scopes: ScopeRegistry,
    private readonly now: () => number = Date.now,
  ) {}

  /** A message the session may see, or not found (also for hidden ones, to non-staff). */
  private async visible(session: Session, messageId: string): Promise<ChatRecord> {
    const m = await this.store.chat.get(messageId);
    if (
      !m ||
      m.meetingId !== session.meetingId ||
      (m.hidden && !isStaff(session.role)) ||
      !(await this.scopes.canSee(session, m.channel))
    ) {
      throw new DomainError('not_found', 'no such message');
    }
    return m;
  }

  private async channel(session: Session, channel: Scope): Promise<void> {
    if (!can(session.role, 'chat:read') || !(await this.scopes.canSee(session, channel))) {
      throw new DomainError('not_found', 'no such channel');
    }
  }

  /** [CHAT9] A room's chat is read-only once its break-outs ended: refused with a sentence to act on. */
  private async writable(session: Session, channel: Scope): Promise<void> {
    if (!(await this.scopes.isOpen(session.meetingId, channel))) {
      throw new DomainError('closed', 'The break-outs have ended: this room chat can be read, not written.');
    }
  }

  /**
   * [CHAT1] Stores a message (once per client-made id), with the author's current display name.
   * At most `chatRatePer10s` messages per author per 10 s, `chatMessagesPerMeeting` per meeting.
   * The id, the limits and the insert are one transaction: the same message sent twice at once
   * is stored once, and messages sent at once cannot pass the limits together.
   */
  async send(
    session: Session,
    input: { id: string; channel: Scope; text: string },
  ): Promise<{
    message: ChatMessageView;
    created: boolean;
  }> {
    const sent = await this.store.chat.get(input.id);
    if (sent) return sentBefore(session, sent);
    await this.channel(session, input.channel);
    await this.writable(session, input.channel);
    return this.store.transaction(async (tx) => {
      const existing = await tx.chat.get(input.id);
      if (existing) return sentBefore(session, existing);
      return { message: chatView(await this.insert(tx, session, input)), created: true };
    });
  }

  private async insert(tx: Store, session: Session, input: { id: string; channel: Scope; text: string }) {
    const t = this.now();
    if (
      (await tx.chat.countSince(session.meetingId, keyOf(session), t - RATE_WINDOW_MS)) >=
      LIMITS.chatRatePer10s
    ) {
      throw new DomainError('rate_limited', 'too many messages at once: wait a few seconds');
    }
    if ((await tx.chat.count(session.meetingId)) >= LIMITS.chatMessagesPerMeeting) {
      throw new DomainError(
        'too_large',
        `a meeting's chat holds at most ${LIMITS.chatMessagesPerMeeting} messages`,
      );
    }
    let authorName = '';
    if (session.participantId) {
      const p = await tx.participants.get(session.participantId);
      if (!p) throw new DomainError('not_found', 'participant not found');
      authorName = p.name;
    }
    return tx.chat.insert({
      id: input.id,
      meetingId: session.meetingId,
      channel: input.channel,
      authorKey: keyOf(session),
      authorRole:
        session.role === 'participant' ? 'participant' : (session.role as 'facilitator' | 'secretary'),
      authorName,
      text: input.text,
      createdAt: t,
      votes: 0,
      tip: false,
      tipBy: null,
      pinned: false,
      hidden: false,
    });
  }

  /** [CHAT2] One upvote per participant per message, never on one's own message; `up: false` takes it back. */
  async vote(session: Session, messageId: string, up: boolean): Promise<ChatMessageView> {
    const m = await this.visible(session, messageId);
    if (m.authorKey === keyOf(session))
      throw new DomainError('conflict', 'You cannot vote for your own message.');
    await this.writable(session, m.channel);
    const votes = await this.store.chat.vote(m.id, keyOf(session), up);
    return chatView({ ...m, votes });
  }

  /**
   * [CHAT3] Anyone may mark a message as a tip. A participant may take back only their own marking;
   * the facilitator and secretary may set or clear any (and their marking cannot be undone by others).
   */
  async tip(session: Session, messageId: string, on: boolean): Promise<ChatMessageView> {
    const seen = await this.visible(session, messageId);
    const staff = isStaff(session.role);
    const me = keyOf(session);
    // [CHAT9] Staff still mark tips in a closed room's chat: that is curating it for the verslag.
    if (!staff) await this.writable(session, seen.channel);
    // Who marked it decides who may undo it: read and changed in one transaction.
    return this.store.transaction(async (tx) => {
      const m = await tx.chat.get(seen.id);
      if (!m) throw new DomainError('not_found', 'no such message');
      if (on) {
        if (m.tip && (!staff || (m.tipBy !== null && STAFF_KEYS.has(m.tipBy)))) return chatView(m);
        await tx.chat.setFlag(m.id, 'tip', true, me);
        return chatView({ ...m, tip: true, tipBy: me });
      }
      if (!m.tip) return chatView(m);
      if (!staff && m.tipBy !== me) {
        throw new DomainError(
          'forbidden',
          'only who marked it, the facilitator or the secretary can undo this tip',
        );
      }
      await tx.chat.setFlag(m.id, 'tip', false);
      return chatView({ ...m, tip: false, tipBy: null });
    });
  }

  /** [CHAT4] Pin or hide (staff). A hidden message disappears for everyone but the staff. */
  async curate(session: Session, messageId: string, flag: 'pinned' | 'hidden', on: boolean) {
    const m = await this.visible(session, messageId);
    if (m[flag] !== on) await this.store.chat.setFlag(m.id, flag, on);
    return chatView({ ...m, [flag]: on });
  }

  /** [CHAT5] Older messages before `beforeSeq`, oldest first. */
  async history(
    session: Session,
    channel: Scope,
    beforeSeq: number,
    limit: number,
  ): Promise<ChatChannelPage> {
    await this.channel(session, channel);
    const page = await this.store.chat.page(
      session.meetingId,
      channel,
      beforeSeq,
      limit,
      isStaff(session.role),
    );
    return { channel, messages: page.messages.map(chatView), hasMore: page.hasMore };
  }

  /** [CHAT5] The latest page of each channel, every tip and pin, the shared links, my votes. */
  async snapshot(session: Session): Promise<ChatSnapshot | null> {
    if (!can(session.role, 'chat:read')) return null;
    const staff = isStaff(session.role);
    const channels = await this.scopes.of(session);
    const pages: ChatChannelPage[] = [];
    for (const channel of channels) {
      const page = await this.store.chat.page(session.meetingId, channel, null, SNAPSHOT_PAGE, staff);
      pages.push({ channel, messages: page.messages.map(chatView), hasMore: page.hasMore });
    }
    const highlights = (
      await this.store.chat.highlights(session.meetingId, channels, staff, HIGHLIGHTS_MAX)
    ).map(chatView);
    const links = linksOf(
      (await this.store.chat.withLinks(session.meetingId, channels, LINK_MESSAGES_MAX)).map(chatView),
    );
    const myVotes = session.participantId
      ? await this.store.chat.votesBy(session.meetingId, session.participantId)
      : [];
    return { channels: pages, highlights, links, myVotes };
  }

  /** [REPORT13] Every visible message of a channel in chat order, for the verslag's harvest. */
  async all(meetingId: string, channel: string): Promise<ChatMessageView[]> {
    return (await this.store.chat.all(meetingId))
      .map(chatView)
      .filter((m) => m.channel === channel && !m.hidden)
      .sort((a, b) => a.seq - b.seq);
  }

  /**
   * [CHAT7] Everything for the results API and the CSV: per channel how many messages (hidden ones
   * counted apart), the top tips and links; and every message as a flat row, hidden ones marked.
   */
  async export(meetingId: string): Promise<ChatExport> {
    const all = (await this.store.chat.all(meetingId)).map(chatView).sort((a, b) => a.seq - b.seq);
    const channels = [...new Set(all.map((m) => m.channel))];
    return {
      channels: channels.map((channel) => {
        const messages = all.filter((m) => m.channel === channel);
        const digest = chatDigest(messages);
        return {
          channel,
          messageCount: messages.length,
          hiddenCount: messages.filter((m) => m.hidden).length,
          topTips: digest.topTips.map(chatRow),
          links: digest.links.map(linkRow),
        };
      }),
      messages: all.map(chatRow),
    };
  }
}

/** A message sent again (a retry, a second tab): answered as stored, if it is this author's. */
function sentBefore(session: Session, m: ChatRecord): { message: ChatMessageView; created: boolean } {
  if (m.meetingId !== session.meetingId || m.authorKey !== keyOf(session)) {
    throw new DomainError('conflict', 'id already in use');
  }
  return { message: chatView(m), created: false };
}

/** Every link of these messages once, oldest first. */
function linksOf(messages: ChatMessageView[]): SharedLink[] {
  const out: SharedLink[] = [];
  for (const m of messages) {
    for (const url of extractLinks(m.text, LIMITS.linksPerMessage)) {
      out.push({
        url,
        messageId: m.id,
        channel: m.channel,
        authorName: m.authorName,
        authorRole: m.authorRole,
        createdAt: m.createdAt,
      });
    }
  }
  return out;
}
