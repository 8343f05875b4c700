import { io as ioClient, type Socket } from 'socket.io-client';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { type TestSocket, waitFor } from '../helpers/server';

/** Real socket.io clients and HTTP calls against the balancer or one node, for the cluster tests. */

export type Ack<T> = { ok: true; data: T } | { ok: false; error: string; message: string };

export interface Meeting {
  id: string;
  code: string;
  facilitatorToken: string;
  secretaryToken: string;
}

export const connect = (url: string, code: string, token: string, reconnect = false) =>
  new Promise<Socket>((resolve, reject) => {
    const s = ioClient(url, {
      forceNew: true,
      transports: ['websocket'],
      reconnection: reconnect,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      auth: { code, token },
    });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

/** A command's ack, whatever it says (a refusal too); rejects when none comes within `ms`. */
export const send = <T>(s: Socket, event: string, payload: unknown, ms = 20_000) =>
  s.timeout(ms).emitWithAck(event, payload) as Promise<Ack<T>>;

/** A command's data; throws on a refusal. */
export const ack = async <T>(s: Socket, event: string, payload: unknown, ms = 20_000): Promise<T> => {
  const r = await send<T>(s, event, payload, ms);
  if (!r.ok) throw new Error(`${event}: ${r.error} ${r.message}`);
  return r.data;
};

/** The next `event` on `s` whose payload satisfies `match` (the integration tests' `waitFor`). */
export const next = <T>(s: Socket, event: string, match: (p: T) => boolean = () => true, ms = 15_000) =>
  waitFor<T>(s as unknown as TestSocket, event, match, ms);

/**
 * A POST through the balancer. A kept-alive connection the balancer closed as the request went out
 * (no answer at all: undici's UND_ERR_SOCKET) is tried once more on a new one, as browsers do for a
 * reused connection; any answer, an error status included, is the answer.
 */
const post = async (url: string, body: unknown): Promise<Response> => {
  const once = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  try {
    return await once();
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    if (code !== 'UND_ERR_SOCKET') throw err;
    return once();
  }
};

export async function createMeeting(url: string, title: string): Promise<Meeting> {
  return (await (await post(`${url}/api/meetings`, { title })).json()) as Meeting;
}

export async function join(url: string, code: string, name: string) {
  return (await (await post(`${url}/api/join`, { code, name })).json()) as {
    participant: { id: string };
    token: string;
  };
}

export const scalePoll = (id: string) => ({
  id,
  agendaItemId: null,
  anonymous: false,
  spec: { kind: 'scale', question: 'Hoe tevreden ben je?', levels: [...DEFAULT_SCALE_LEVELS] },
});

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `p`, or a failure naming `what` when it takes longer than `ms`. */
export async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}
