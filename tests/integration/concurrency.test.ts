import { afterEach, describe, expect, it } from 'vitest';
import type { BreakoutView } from '../../shared/domain/board/types';
import type { ChatMessageView } from '../../shared/domain/chat';
import { newId } from '../../shared/domain/ids';
import { LIMITS } from '../../shared/domain/limits';
import type { ActivityView } from '../../shared/domain/types';
import { breakoutOf, note, openBreakout } from '../helpers/boards';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
import { scale } from '../helpers/replay';
import { call, ok, startServer, type TestServer } from '../helpers/server';
import { snapshotOf } from '../helpers/toolkit';

/**
 * Read-check-write commands sent at the same moment: each is checked and stored in one store
 * transaction, so the outcome is that of some order, one after another. These go through the
 * server only (never the store's internals): they mean the same on every store.
 */

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const outcomes = (acks: { ok: boolean; error?: string }[]) => acks.map((a) => (a.ok ? 'ok' : a.error)).sort();

describe('commands at the same moment', () => {
  it('[DUR3][BOARD3] six people choose the same room of two places at once: two get it, four hear it is full', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 6);
    const a = await openBreakout(facilitator, {
      assignment: 'self',
      rooms: { by: 'size', size: 2 },
      questions: ['V'],
    });
    const [room, next] = (await breakoutOf(facilitator, a.id)).view.rooms;
    const acks = await Promise.all(
      people.map((p) => call(p.socket, 'breakout:choose', { activityId: a.id, roomId: room!.id })),
    );
    expect(outcomes(acks)).toEqual(['conflict', 'conflict', 'conflict', 'conflict', 'ok', 'ok']);
    // The four others choose the next room in one tick, through the server's service (here each
    // command's store calls interleave with the others' on every store).
    const left = people.filter((_, i) => !acks[i]!.ok);
    const chosen = await Promise.allSettled(
      left.map((p) =>
        srv!.app.ctx.breakouts.choose(meeting.id, p.participant.id, { activityId: a.id, roomId: next!.id }),
      ),
    );
    expect(chosen.filter((c) => c.status === 'fulfilled')).toHaveLength(2);
    expect(chosen.filter((c) => c.status === 'rejected' && /full/.test(String(c.reason)))).toHaveLength(2);
    const view = (await breakoutOf(facilitator, a.id)).view;
    expect(view.rooms.slice(0, 2).map((r) => r.size)).toEqual([2, 2]);
    expect(Object.values(view.members!).filter((r) => r === room!.id)).toHaveLength(2);
  });

  it('[DUR3][BOARD2] nine late joiners syncing at once are spread over the rooms (sizes 3, 3, 3)', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    // Started while nobody is online: the rooms exist, nobody is placed.
    const a = await openBreakout(facilitator, { rooms: { by: 'count', count: 3 }, questions: ['V'] });
    const people = await joinMany(srv, meeting.code, 9);
    await Promise.all(people.map((p) => ok(p.socket, 'session:sync')));
    const view: BreakoutView = (await breakoutOf(facilitator, a.id)).view;
    expect(view.rooms.map((r) => r.size)).toEqual([3, 3, 3]);
    expect(Object.keys(view.members!)).toHaveLength(9);
    // Six more arrive in one tick, through the server's service: 5, 5, 5.
    const more = await Promise.all(
      Array.from({ length: 6 }, (_, i) => srv!.join(meeting.code, `Later ${i}`)),
    );
    await Promise.all(
      more.map((j) =>
        srv!.app.ctx.breakouts.arrive({
          meetingId: meeting.id,
          role: 'participant',
          participantId: j.participant.id,
        }),
      ),
    );
    expect((await breakoutOf(facilitator, a.id)).view.rooms.map((r) => r.size)).toEqual([5, 5, 5]);
  });

  it('[DUR3][CHAT1] the same message sent from two tabs at once is stored once; every send is answered with it', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const tab2 = await srv.connect(meeting.code, ann!.token);
    const heard: ChatMessageView[] = [];
    facilitator.on('chat:message', (m: ChatMessageView) => heard.push(m));
    const msg = { id: newId(), channel: 'meeting', text: 'Twee keer verstuurd' };
    const acks = await Promise.all(
      [ann!.socket, tab2, ann!.socket, tab2].map((s) => call(s, 'chat:send', msg)),
    );
    expect(acks.every((r) => r.ok)).toBe(true);
    const seqs = new Set(acks.map((r) => (r.ok ? r.data.seq : null)));
    expect(seqs.size).toBe(1);
    const chat = (await snapshotOf(facilitator)).chat!;
    expect(chat.channels[0]!.messages.filter((m) => m.id === msg.id)).toHaveLength(1);
    // A fence: a later message arrives after any broadcast of the first.
    await ok(ann!.socket, 'chat:send', { id: newId(), channel: 'meeting', text: 'hek' });
    await expect.poll(() => heard.length).toBe(2);
    expect(heard.filter((m) => m.id === msg.id)).toHaveLength(1);
  });

  it('[DUR3][CHAT5] fifteen messages sent at once by one author: exactly the limit of ten is stored', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const n = LIMITS.chatRatePer10s + 5;
    const acks = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        call(ann!.socket, 'chat:send', { id: newId(), channel: 'meeting', text: `tegelijk ${i}` }),
      ),
    );
    expect(acks.filter((r) => r.ok)).toHaveLength(LIMITS.chatRatePer10s);
    expect(acks.filter((r) => !r.ok && r.error === 'rate_limited')).toHaveLength(5);
    const chat = (await snapshotOf(facilitator)).chat!;
    expect(chat.channels[0]!.messages).toHaveLength(LIMITS.chatRatePer10s);
  });

  it('[DUR3][BOARD12] eight votes cast at once with three to give: three count, five are refused', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const a = await openBreakout(facilitator, { rooms: { by: 'count', count: 1 }, questions: ['V'] });
    const { view, roomId } = await breakoutOf(ann!.socket, a.id);
    const boardId = view.boards.find((b) => b.roomId === roomId)!.id;
    const notes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => ok(ann!.socket, 'note:create', note(boardId, `idee ${i}`))),
    );
    await ok(facilitator, 'board:voting', { boardId, open: true, limit: 3 });
    const acks = await Promise.all(
      notes.map((n) => call(ann!.socket, 'vote:cast', { id: newId(), noteId: n.id })),
    );
    expect(outcomes(acks)).toEqual([
      'conflict',
      'conflict',
      'conflict',
      'conflict',
      'conflict',
      'ok',
      'ok',
      'ok',
    ]);
    const state = await ok(ann!.socket, 'board:sync', { boardId });
    expect(state.myVotes).toHaveLength(3);
  });

  it('[DUR3][TIMER2] ten extensions of a paused timer at once: every one counts', async () => {
    srv = await startServer();
    const { facilitator } = await meetingWithFacilitator(srv);
    await ok(facilitator, 'timer:start', { id: newId(), scope: 'meeting', durationMs: 60_000 });
    const paused = await ok(facilitator, 'timer:pause', { id: newId(), scope: 'meeting' });
    await Promise.all(
      Array.from({ length: 10 }, () =>
        ok(facilitator, 'timer:extend', { id: newId(), scope: 'meeting', byMs: 60_000 }),
      ),
    );
    const timer = (await snapshotOf(facilitator)).timers.find((t) => t.scope === 'meeting')!;
    expect(timer).toMatchObject({ status: 'paused', remainingMs: paused.remainingMs! + 600_000 });
  });

  it('[DUR3][POLL3] opening and closing a draft at once ends open or closed, never a draft again', async () => {
    srv = await startServer();
    const { facilitator } = await meetingWithFacilitator(srv);
    for (let round = 0; round < 5; round++) {
      const id = newId();
      await ok(facilitator, 'activity:create', {
        id,
        agendaItemId: null,
        anonymous: false,
        spec: scale(`Ronde ${round}?`),
      });
      await Promise.all([
        ok(facilitator, 'activity:open', { id }),
        ok(facilitator, 'activity:close', { id }),
      ]);
      const stored = (await snapshotOf(facilitator)).activities.find((x: ActivityView) => x.id === id)!;
      expect(['open', 'closed']).toContain(stored.status);
    }
  });
});
