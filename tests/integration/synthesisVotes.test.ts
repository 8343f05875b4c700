import { afterEach, describe, expect, it } from 'vitest';
import type { BreakoutResults } from '../../shared/domain/board/results';
import { newId } from '../../shared/domain/ids';
import { breakoutToBlocks } from '../../shared/report/board';
import { breakoutOf, note, openBreakout } from '../helpers/boards';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
import { call, ok, startServer, type TestServer, waitFor } from '../helpers/server';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

type Counted = { boardId: string; counts: Record<string, number>; roomCounts: Record<string, number> };

describe('room votes in the plenary synthesis', () => {
  it('[BOARD13][BOARD12][BOARD15] room votes travel with their post-its: per room and summed, live, in results and the verslag; ended room boards take no votes', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [p1, p2, p3, p4] = await joinMany(srv, meeting.code, 4);
    const a = await openBreakout(facilitator, {
      rooms: { by: 'count', count: 2 },
      assignment: 'manual',
      questions: ['Wat kunnen koplopers betekenen?'],
    });
    const { view } = await breakoutOf(facilitator, a.id);
    const [room1, room2] = [...view.rooms].sort((x, y) => x.index - y.index);
    for (const [p, room] of [
      [p1!, room2!],
      [p2!, room2!],
      [p3!, room2!],
      [p4!, room1!],
    ] as const) {
      await ok(facilitator, 'breakout:move', {
        activityId: a.id,
        participantId: p.participant.id,
        roomId: room.id,
      });
    }
    const board2 = view.boards.find((b) => b.roomId === room2!.id)!;
    const board1 = view.boards.find((b) => b.roomId === room1!.id)!;
    const voted = await ok(p1!.socket, 'note:create', note(board2.id, 'Koplopers laten zien dat het kan'));
    await ok(p1!.socket, 'note:create', note(board2.id, 'Ze kennen de buurt'));
    await ok(p4!.socket, 'note:create', note(board1.id, 'Instituties moeten mee veranderen'));
    await ok(facilitator, 'board:voting', { boardId: board2.id, open: true, limit: 3 });
    const votes: Record<string, string> = {};
    for (const p of [p1!, p2!, p3!]) {
      votes[p.participant.id] = newId();
      await ok(p.socket, 'vote:cast', { id: votes[p.participant.id]!, noteId: voted.id });
    }

    // The break-outs end: the room board is read-only, for votes too.
    await ok(facilitator, 'activity:close', { id: a.id });
    expect(await call(p2!.socket, 'vote:cast', { id: newId(), noteId: voted.id })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    const after = await ok(facilitator, 'breakout:synthesis', { activityId: a.id });
    const syn = after.boards.find((b) => b.roomId === null)!;

    // Staff see the copy with its three room votes, told apart as room votes.
    const staff = await ok(facilitator, 'board:sync', { boardId: syn.id });
    const copy = staff.notes.find((n) => n.text === 'Koplopers laten zien dat het kan')!;
    expect(copy.roomLabel).toBe('Kamer 2');
    expect(staff.counts).toEqual({ [copy.id]: 3 });
    expect(staff.roomCounts).toEqual({ [copy.id]: 3 });
    // Participants only once the synthesis board's votes are revealed, like every count.
    const hidden = await ok(p4!.socket, 'board:sync', { boardId: syn.id });
    expect(hidden.counts).toBeNull();
    expect(hidden.roomCounts).toBeNull();

    // A vote on the synthesis adds to them, live for staff.
    await ok(facilitator, 'board:voting', { boardId: syn.id, open: true, limit: 3 });
    const four = waitFor<Counted>(
      facilitator,
      'votes:counted',
      (c) => c.boardId === syn.id && c.counts[copy.id] === 4,
    );
    await ok(p4!.socket, 'vote:cast', { id: newId(), noteId: copy.id });
    expect(await four).toEqual({ boardId: syn.id, counts: { [copy.id]: 4 }, roomCounts: { [copy.id]: 3 } });

    // Room votes are read live: the break-outs run again, a vote taken back in the room shows.
    await ok(facilitator, 'activity:open', { id: a.id });
    const three = waitFor<Counted>(
      facilitator,
      'votes:counted',
      (c) => c.boardId === syn.id && c.counts[copy.id] === 3,
    );
    await ok(p2!.socket, 'vote:retract', { id: votes[p2!.participant.id]! });
    expect(await three).toEqual({ boardId: syn.id, counts: { [copy.id]: 3 }, roomCounts: { [copy.id]: 2 } });
    await ok(facilitator, 'activity:close', { id: a.id });

    // Revealed: everyone gets the sum and its room part.
    const revealed = waitFor<Counted>(p4!.socket, 'votes:counted', (c) => c.boardId === syn.id);
    await ok(facilitator, 'board:voting', { boardId: syn.id, revealed: true });
    expect(await revealed).toMatchObject({ counts: { [copy.id]: 3 }, roomCounts: { [copy.id]: 2 } });
    expect((await ok(p4!.socket, 'board:sync', { boardId: syn.id })).roomCounts).toEqual({
      [copy.id]: 2,
    });

    // Results and the verslag count the same sum (most votes first).
    const results = async () => {
      const res = await fetch(`${srv!.url}/api/meetings/${meeting.id}/results`, {
        headers: { authorization: `Bearer ${meeting.secretaryToken}` },
      });
      const body = (await res.json()) as {
        activities: { activity: { id: string }; results: BreakoutResults }[];
      };
      return body.activities.find((x) => x.activity.id === a.id)!.results;
    };
    const r = await results();
    const synthesis = r.questions[0]!.synthesis!;
    expect(synthesis.unthemed[0]).toMatchObject({
      id: copy.id,
      votes: 3,
      roomVotes: 2,
      roomLabel: 'Kamer 2',
    });
    expect(r.questions[0]!.rooms.find((b) => b.roomLabel === 'Kamer 2')!.unthemed[0]).toMatchObject({
      text: 'Koplopers laten zien dat het kan',
      votes: 2,
    });
    const text = JSON.stringify(breakoutToBlocks(r));
    expect(text).toContain('Koplopers laten zien dat het kan (3 stemmen, waarvan 2 in de kamer)');

    // [BOARD16] After a restart: the same.
    await srv.restart();
    expect(await results()).toEqual(r);
  });
});
