import type { Logger } from '../log';
import { LocalCounts, type PresenceRegistry } from './presence';
import type { RedisClient } from './redis';

/** How long a node counts as alive after its last heartbeat (ms); it beats every third of this. */
export const NODE_TTL_MS = 15_000;
/** A meeting's presence hash outlives its last write by this much (deleted meetings leave nothing). */
const HASH_TTL_MS = 24 * 3600_000;

/**
 * [MEET5] Presence shared through Redis. Each node writes its own count per participant into the
 * meeting's hash (field `<node>|<participant>`: setting, not incrementing, so a write can be
 * repeated) and keeps a heartbeat key; `online` takes the union over nodes whose heartbeat lives.
 * A node killed with SIGKILL drops out within NODE_TTL_MS. When Redis restarts empty, every node
 * writes its counts again. While Redis is unreachable a node answers with its own connections.
 */
export class RedisPresence implements PresenceRegistry {
  private readonly counts = new LocalCounts();
  private readonly beat: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly nodeId: string,
    private readonly log: Logger,
  ) {
    this.beat = setInterval(() => void this.heartbeat(), NODE_TTL_MS / 3);
    this.beat.unref();
    redis.on('ready', () => void this.rewrite());
    void this.heartbeat();
  }

  private key = (meetingId: string) => `${this.prefix}presence:${meetingId}`;
  private nodeKey = (nodeId: string) => `${this.prefix}node:${nodeId}`;

  async connected(meetingId: string, participantId: string): Promise<void> {
    await this.write(meetingId, participantId, this.counts.add(meetingId, participantId, 1));
  }

  async disconnected(meetingId: string, participantId: string): Promise<void> {
    await this.write(meetingId, participantId, this.counts.add(meetingId, participantId, -1));
  }

  async online(meetingId: string): Promise<Set<string>> {
    const mine = this.counts.ids(meetingId);
    let all: Record<string, string>;
    try {
      all = await this.redis.hGetAll(this.key(meetingId));
    } catch {
      return mine;
    }
    const byNode = new Map<string, string[]>();
    for (const field of Object.keys(all)) {
      const bar = field.indexOf('|');
      const node = field.slice(0, bar);
      if (node === this.nodeId) continue;
      const list = byNode.get(node) ?? [];
      list.push(field.slice(bar + 1));
      byNode.set(node, list);
    }
    if (byNode.size === 0) return mine;
    const nodes = [...byNode.keys()];
    let alive: (string | null)[];
    try {
      alive = (await this.redis.mGet(nodes.map(this.nodeKey))) as (string | null)[];
    } catch {
      return mine;
    }
    const dead: string[] = [];
    nodes.forEach((node, i) => {
      const ids = byNode.get(node) ?? [];
      if (alive[i]) for (const id of ids) mine.add(id);
      else for (const id of ids) dead.push(`${node}|${id}`);
    });
    if (dead.length > 0) this.redis.hDel(this.key(meetingId), dead).catch(() => {});
    return mine;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.beat);
    // Leave nothing behind: this node's fields and heartbeat go now, not after the TTL.
    try {
      const byMeeting = new Map<string, string[]>();
      for (const [meetingId, p] of this.counts.entries()) {
        const list = byMeeting.get(meetingId) ?? [];
        list.push(`${this.nodeId}|${p}`);
        byMeeting.set(meetingId, list);
      }
      await Promise.all([
        ...[...byMeeting].map(([m, fields]) => this.redis.hDel(this.key(m), fields)),
        this.redis.del(this.nodeKey(this.nodeId)),
      ]);
    } catch {
      // Redis is away: the heartbeat expires by itself.
    }
  }

  private async write(meetingId: string, participantId: string, n: number): Promise<void> {
    const key = this.key(meetingId);
    const field = `${this.nodeId}|${participantId}`;
    try {
      if (n === 0) await this.redis.hDel(key, field);
      else await this.redis.multi().hSet(key, field, String(n)).pExpire(key, HASH_TTL_MS).exec();
    } catch (err) {
      // Written again when Redis is back ('ready').
      this.log.debug('presence not shared', { err: err instanceof Error ? err.message : String(err) });
    }
  }

  private async heartbeat(): Promise<void> {
    if (this.closed) return;
    try {
      await this.redis.set(this.nodeKey(this.nodeId), String(Date.now()), {
        expiration: { type: 'PX', value: NODE_TTL_MS },
      });
    } catch {
      // Redis is away; the next beat tries again.
    }
  }

  /** After Redis came back (possibly empty): this node's heartbeat and every count it holds. */
  private async rewrite(): Promise<void> {
    await this.heartbeat();
    for (const [meetingId, p, n] of this.counts.entries()) await this.write(meetingId, p, n);
  }
}
