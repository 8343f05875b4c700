import type { Relay, RelayMessage, Subscription } from '../collab/relay';
import type { Logger } from '../log';
import type { RedisClient } from './redis';

const UPDATE = 0;
const AWARENESS = 1;

/** One relay message as bytes: type, origin, the stored row's id (updates), the Yjs update. */
export function encodeRelayed(m: Exclude<RelayMessage, { type: 'gap' }>): Buffer {
  const origin = Buffer.from(m.origin, 'utf8');
  const head = Buffer.alloc(1 + 2 + origin.length + 8);
  head.writeUInt8(m.type === 'update' ? UPDATE : AWARENESS, 0);
  head.writeUInt16BE(origin.length, 1);
  origin.copy(head, 3);
  head.writeDoubleBE(m.type === 'update' ? m.id : 0, 3 + origin.length);
  return Buffer.concat([head, Buffer.from(m.update.buffer, m.update.byteOffset, m.update.byteLength)]);
}

export function decodeRelayed(b: Buffer): RelayMessage {
  const type = b.readUInt8(0);
  const n = b.readUInt16BE(1);
  const origin = b.subarray(3, 3 + n).toString('utf8');
  const id = b.readDoubleBE(3 + n);
  const update = new Uint8Array(b.subarray(3 + n + 8));
  return type === UPDATE ? { type: 'update', origin, id, update } : { type: 'awareness', origin, update };
}

interface Sub {
  origin: string;
  deliver: (m: RelayMessage) => void;
}

/**
 * [REPORT9] The verslag rooms of one meeting on different nodes hear each other through Redis
 * pub/sub (in the spirit of Hocuspocus's Redis extension): a channel per meeting, one subscribing
 * connection per node. An update is published only after it is stored, so what a room hears the
 * store has too; what Redis drops while it restarts, the rooms read back from the store when it
 * returns (a `gap`).
 */
export class RedisRelay implements Relay {
  private readonly subs = new Map<string, { set: Set<Sub>; ready: Promise<void> }>();

  constructor(
    private readonly pub: RedisClient,
    private readonly sub: RedisClient,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {
    let lost = false;
    sub.on('error', () => {
      lost = true;
    });
    sub.on('ready', () => {
      if (!lost) return;
      lost = false;
      // Messages published while this node could not hear are gone: every room reads the store.
      for (const { set } of this.subs.values())
        for (const s of set) s.deliver({ type: 'gap', origin: 'redis' });
    });
  }

  private channel = (meetingId: string) => `${this.prefix}yjs:${meetingId}`;

  subscribe(meetingId: string, origin: string, deliver: (message: RelayMessage) => void): Subscription {
    let entry = this.subs.get(meetingId);
    if (!entry) {
      const set = new Set<Sub>();
      const ready = this.sub
        .subscribe(
          this.channel(meetingId),
          (message: Buffer) => {
            let m: RelayMessage;
            try {
              m = decodeRelayed(message);
            } catch {
              this.log.warn('verslag: unreadable message from redis', { meetingId });
              return;
            }
            for (const s of set) if (s.origin !== m.origin) s.deliver(m);
          },
          true,
        )
        .catch((err: unknown) => {
          this.log.warn('verslag: redis subscribe failed', {
            meetingId,
            err: err instanceof Error ? err.message : String(err),
          });
        });
      entry = { set, ready };
      this.subs.set(meetingId, entry);
    }
    const s: Sub = { origin, deliver };
    entry.set.add(s);
    const e = entry;
    return {
      ready: e.ready,
      stop: () => {
        e.set.delete(s);
        if (e.set.size === 0 && this.subs.get(meetingId) === e) {
          this.subs.delete(meetingId);
          this.sub.unsubscribe(this.channel(meetingId)).catch(() => {});
        }
      },
    };
  }

  async publish(meetingId: string, message: RelayMessage): Promise<void> {
    if (message.type === 'gap') return;
    await this.pub.publish(this.channel(meetingId), encodeRelayed(message));
  }
}
