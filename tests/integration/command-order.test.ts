import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids';
import { type PgApp, startPgApp } from '../helpers/pgServer';
import { servicesFor } from '../helpers/services';

let srv: PgApp | undefined;
afterAll(async () => {
  await srv?.close();
});

type Ack = { ok: boolean; error?: string; data?: unknown };
const emit = (s: Socket, event: string, payload: unknown) =>
  s.timeout(20_000).emitWithAck(event, payload) as Promise<Ack>;

/**
 * [RECON7] One connection's commands are applied in the order it sent them, also on PostgreSQL
 * where two statements can run side by side: a post-it moved right after it was written (the app
 * does not wait for the first ack) is never "not found", and the last move sent is where it ends.
 */
const ready = await servicesFor('command-order.test.ts', 'postgres');

describe.runIf(ready)('the order of one connection’s commands', () => {
  it('[RECON7] create then move at once, 40 times over, on PostgreSQL: every command applied, in order', async () => {
    srv = await startPgApp();
    const m = await srv.meeting('Volgorde');
    const fac = await srv.connect(m.code, m.facilitatorToken);
    const activityId = newId();
    const spec = {
      kind: 'breakout',
      questions: ['Wat gaat goed?'],
      rooms: { by: 'count', count: 1 },
      assignment: 'random',
      timeboxMinutes: null,
      seeOtherRooms: false,
      participantsCluster: false,
      colourBy: 'choice',
    };
    expect(
      (await emit(fac, 'activity:create', { id: activityId, agendaItemId: null, anonymous: false, spec })).ok,
    ).toBe(true);
    expect((await emit(fac, 'activity:open', { id: activityId })).ok).toBe(true);
    const snap = (await emit(fac, 'session:sync', undefined)).data as {
      breakouts: { boards: { id: string }[] }[];
    };
    const boardId = snap.breakouts[0]!.boards[0]!.id;

    const sent: Promise<Ack>[] = [];
    const last = new Map<string, number>();
    for (let i = 0; i < 40; i++) {
      const id = newId();
      sent.push(emit(fac, 'note:create', { id, boardId, text: `Punt ${i}`, colour: 'geel', x: 0, y: 0 }));
      for (let k = 1; k <= 3; k++) {
        sent.push(emit(fac, 'note:move', { id, x: k * 10 + i, y: k }));
        last.set(id, k * 10 + i);
      }
    }
    const acks = await Promise.all(sent);
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    const board = (await emit(fac, 'board:sync', { boardId })).data as { notes: { id: string; x: number }[] };
    expect(board.notes).toHaveLength(40);
    for (const n of board.notes) expect(n.x).toBe(last.get(n.id));
  }, 60_000);

  it('[DUR3] a join storm on PostgreSQL: 300 people joining one meeting at once all get in, none twice', async () => {
    srv ??= await startPgApp();
    const m = await srv.meeting('Iedereen tegelijk');
    const joins = await Promise.all(
      Array.from({ length: 300 }, (_, i) => srv!.post('/api/join', { code: m.code, name: `D${i}` })),
    );
    // Without the lock those transactions abort each other faster than they retry (HTTP 500).
    expect(joins.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const ids = await Promise.all(
      joins.map(async (r) => ((await r.json()) as { participant: { id: string } }).participant.id),
    );
    expect(new Set(ids).size).toBe(300);
  }, 60_000);
});
