import { redact } from '../../shared/domain/activities';
import type { ChatMessageView } from '../../shared/domain/chat';
import type { TimerView } from '../../shared/domain/timer';
import type { MyResponse, PresenceView } from '../../shared/domain/types';
import type { PresenceRegistry } from '../cluster/presence';
import type { Logger } from '../log';
import type { ActivityService } from '../meetings/activities';
import { activityView } from '../meetings/activities';
import { chatView } from '../meetings/chat';
import { participantSelf } from '../meetings/meetings';
import type { Store } from '../storage/store';
import { isStoreUnavailable } from '../storage/unavailable';
import { Coalescer } from './coalesce';
import { rooms } from './rooms';
import type { Scopes } from './scopes';
import type { AppServer } from './types';

/**
 * Presence lists every participant of a meeting (names to staff): in a meeting of hundreds, during
 * a join storm, on every node. The pause before a meeting's next presence broadcast is at least
 * its last one's duration times this, so presence takes at most a fifth of the time there is.
 */
const PRESENCE_COST_FACTOR = 4;

/**
 * Every broadcast the server makes, each to the audience allowed to see it. Results and presence
 * are gathered per activity / meeting for a moment, so bursts cost one message per client.
 */
export class Publisher {
  private readonly coalescer: Coalescer;
  private readonly presenceGather: Coalescer;
  /** Last presence counts per meeting: a cache for snapshots, recomputed on every change. */
  private readonly presenceCache = new Map<string, { online: number; joined: number }>();

  constructor(
    private readonly io: AppServer,
    private readonly store: Store,
    private readonly activities: ActivityService,
    private readonly scopes: Scopes,
    log: Logger,
    delayMs: number,
    private readonly presenceRegistry: PresenceRegistry,
  ) {
    const onError = (err: unknown) =>
      // The store away (DEPLOY3) is not a fault of this server: the next change broadcasts again.
      (isStoreUnavailable(err) ? log.warn : log.error)('broadcast failed', {
        err: err instanceof Error ? err.message : String(err),
      });
    this.coalescer = new Coalescer(delayMs, onError);
    this.presenceGather = new Coalescer(delayMs, onError, PRESENCE_COST_FACTOR);
  }

  close(): void {
    this.coalescer.close();
    this.presenceGather.close();
  }

  /**
   * [POLL7] Results go to staff always, and to everyone once revealed. [POLL8] Progress (counts
   * only) to staff and observers: the shared screen shows "12 van 40 hebben geantwoord".
   */
  results(meetingId: string, activityId: string): void {
    this.coalescer.schedule(`results:${activityId}`, async () => {
      const a = await this.store.activities.get(activityId);
      if (!a || a.meetingId !== meetingId) return;
      const results = await this.activities.results(a);
      this.io.to(rooms.staff(meetingId)).emit('results:updated', results);
      if (a.revealed) {
        // [WORDS5] Participants and observers get the redacted form (no hidden words).
        this.io
          .to([rooms.participants(meetingId), rooms.observers(meetingId)])
          .emit('results:updated', redact(a.spec.kind, results));
      }
      this.io
        .to([rooms.staff(meetingId), rooms.observers(meetingId)])
        .emit('activity:progress', await this.progress(meetingId, activityId));
    });
  }

  /** After a reveal or hide: the activity to everyone, and results shown or withdrawn. */
  async visibility(meetingId: string, activityId: string): Promise<void> {
    const a = await this.store.activities.get(activityId);
    if (!a) return;
    this.io.to(rooms.meeting(meetingId)).emit('activity:updated', activityView(a));
    if (a.revealed) {
      const results = await this.activities.results(a);
      this.io.to(rooms.staff(meetingId)).emit('results:updated', results);
      this.io
        .to([rooms.participants(meetingId), rooms.observers(meetingId)])
        .emit('results:updated', redact(a.spec.kind, results));
    } else {
      this.io
        .to([rooms.participants(meetingId), rooms.observers(meetingId)])
        .emit('results:hidden', { activityId });
    }
  }

  mine(participantId: string, activityId: string, response: MyResponse | null): void {
    this.io.to(rooms.participant(participantId)).emit('response:mine', { activityId, response });
  }

  /** Participant ids with at least one open connection, across every node. */
  async onlineParticipants(meetingId: string): Promise<Set<string>> {
    // Not fetchSockets(): across nodes that is a round trip to every node (issue 14).
    return this.presenceRegistry.online(meetingId);
  }

  /** [POLL8] n of m: m counts who is online now and who answered (and may have left). */
  async progress(meetingId: string, activityId: string) {
    const [online, answered] = await Promise.all([
      this.onlineParticipants(meetingId),
      this.activities.respondents(activityId),
    ]);
    for (const id of answered) online.add(id);
    return { activityId, answered: answered.length, total: online.size };
  }

  /** [MEET5] Names and online state to staff; counts to everyone else. */
  presence(meetingId: string): void {
    this.presenceGather.schedule(`presence:${meetingId}`, async () => {
      const full = await this.presenceView(meetingId, true);
      const counts = { online: full.online, joined: full.joined };
      this.presenceCache.set(meetingId, counts);
      this.io.to(rooms.staff(meetingId)).emit('presence:updated', full);
      this.io
        .to([rooms.participants(meetingId), rooms.observers(meetingId)])
        .emit('presence:updated', counts);
      for (const a of await this.store.activities.list(meetingId)) {
        if (a.status === 'open') {
          this.io
            .to([rooms.staff(meetingId), rooms.observers(meetingId)])
            .emit('activity:progress', await this.progress(meetingId, a.id));
        }
      }
    });
  }

  async presenceView(meetingId: string, withNames: boolean): Promise<PresenceView> {
    if (!withNames) {
      const cached = this.presenceCache.get(meetingId);
      if (cached) return cached;
    }
    const [online, all] = await Promise.all([
      this.onlineParticipants(meetingId),
      this.store.participants.list(meetingId),
    ]);
    const counts = { online: online.size, joined: all.length };
    this.presenceCache.set(meetingId, counts);
    if (!withNames) return counts;
    return { ...counts, participants: all.map((p) => ({ ...participantSelf(p), online: online.has(p.id) })) };
  }

  forget(meetingId: string): void {
    this.presenceCache.delete(meetingId);
  }

  /** [TIMER3] A timer to everyone in its scope (observers included: the shared screen shows it). */
  timer(meetingId: string, t: TimerView): void {
    this.io.to(this.scopes.audience(meetingId, t.scope, { observers: true })).emit('timer:updated', t);
  }

  /** [CHAT1] A new message to everyone who reads its channel (observers do not). */
  chatMessage(meetingId: string, m: ChatMessageView): void {
    this.io.to(this.scopes.audience(meetingId, m.channel, { observers: false })).emit('chat:message', m);
  }

  /**
   * [CHAT2–CHAT4] A message's votes or flags changed: its latest state, gathered per message (a burst
   * of votes is one broadcast). Hidden messages go to staff only; the others are told to drop it.
   */
  chatUpdated(meetingId: string, messageId: string): void {
    this.coalescer.schedule(`chat:${messageId}`, async () => {
      const r = await this.store.chat.get(messageId);
      if (!r || r.meetingId !== meetingId) return;
      const m = chatView(r);
      if (m.hidden) {
        this.io.to(rooms.staff(meetingId)).emit('chat:updated', m);
        this.io
          .to(this.scopes.members(meetingId, m.channel, { observers: false }))
          .emit('chat:removed', { id: m.id, channel: m.channel });
      } else {
        this.io.to(this.scopes.audience(meetingId, m.channel, { observers: false })).emit('chat:updated', m);
      }
    });
  }

  /** [CHAT2] A participant's own vote, to all of their tabs. */
  chatMyVote(participantId: string, messageId: string, up: boolean): void {
    this.io.to(rooms.participant(participantId)).emit('chat:myvote', { messageId, up });
  }
}
