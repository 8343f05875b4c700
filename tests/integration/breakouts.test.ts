import { afterEach, describe, expect, it } from 'vitest';
import type { BreakoutResults } from '../../shared/domain/board/results';
import type { BoardView, BreakoutView, NoteView, Placement } from '../../shared/domain/board/types';
import { newId } from '../../shared/domain/ids';
import { breakoutToBlocks } from '../../shared/report/board';
import { breakoutOf, KOPLOPERS, note, openBreakout } from '../helpers/boards';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
import { call, eventually, ok, raw, startServer, type TestServer, waitFor } from '../helpers/server';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const spec = (over: Record<string, unknown> = {}) => ({
  kind: 'breakout',
  questions: ['Vraag'],
  rooms: { by: 'count', count: 2 },
  assignment: 'random',
  timeboxMinutes: null,
  seeOtherRooms: false,
  participantsCluster: false,
  colourBy: 'choice',
  ...over,
});

describe('break-out rooms', () => {
  it('[BOARD1] the activity is checked: 1–8 questions, sensible rooms; it has no answers and nothing to reveal', async () => {
    srv = await startServer();
    const { facilitator } = await meetingWithFacilitator(srv);
    const create = (s: Record<string, unknown>) =>
      raw(facilitator, 'activity:create', { id: newId(), agendaItemId: null, anonymous: false, spec: s });
    expect(await create(spec({ questions: [] }))).toMatchObject({ ok: false, error: 'invalid_payload' });
    expect(await create(spec({ questions: Array(9).fill('v') }))).toMatchObject({
      ok: false,
      error: 'invalid_payload',
    });
    expect(await create(spec({ rooms: { by: 'size', size: 1 } }))).toMatchObject({
      ok: false,
      error: 'invalid_payload',
    });
    expect(await create(spec({ assignment: 'alfabetisch' }))).toMatchObject({
      ok: false,
      error: 'invalid_payload',
    });
    expect(await create(spec({ extra: 1 }))).toMatchObject({ ok: false, error: 'invalid_payload' });
    const a = await openBreakout(facilitator, { questions: KOPLOPERS });
    expect(await call(facilitator, 'activity:reveal', { id: a.id })).toMatchObject({
      ok: false,
      error: 'invalid_payload',
    });
    // Once started, the number of questions and the rooms are fixed; the wording may still change.
    const next = { ...a.spec, questions: KOPLOPERS.slice(0, 3) };
    expect(await call(facilitator, 'activity:update', { id: a.id, spec: next })).toMatchObject({
      ok: false,
      error: 'conflict',
    });
    const reworded = { ...a.spec, questions: [...KOPLOPERS.slice(0, 3), 'Wat moet er beter?'] };
    expect(await call(facilitator, 'activity:update', { id: a.id, spec: reworded })).toMatchObject({
      ok: true,
    });
    const { view } = await breakoutOf(facilitator, a.id);
    expect(
      view.boards.filter((b) => b.questionIndex === 3).every((b) => b.question === 'Wat moet er beter?'),
    ).toBe(true);
  });

  it('[BOARD2][BOARD3] rooms by size, mixed by organisation type; late joiners are placed; everyone hears their room', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const orgs = ['bewonersinitiatief', 'gemeente', 'rijk', 'maatschappelijke_organisatie'];
    const people = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const j = await srv!.join(meeting.code, `P${i}`, { orgType: orgs[i % 4]! });
        return { ...j, socket: await srv!.connect(meeting.code, j.token), org: orgs[i % 4]! };
      }),
    );
    const heard = people.map((p) => waitFor<Placement>(p.socket, 'breakout:placed'));
    const a = await openBreakout(facilitator, { rooms: { by: 'size', size: 4 }, assignment: 'mixed' });
    const placements = await Promise.all(heard);
    const { view } = await breakoutOf(facilitator, a.id);
    expect(view.rooms).toHaveLength(3);
    expect(view.rooms.map((r) => r.size)).toEqual([4, 4, 4]);
    // Mixed: no room has two people of one organisation type while another room has none of it.
    for (const room of view.rooms) {
      const inRoom = people.filter((_, i) => placements[i]!.roomId === room.id).map((p) => p.org);
      expect(new Set(inRoom).size).toBe(4);
    }
    expect(view.members?.[people[0]!.participant.id]).toBe(placements[0]!.roomId);
    // Participants get room sizes, never who is where.
    expect((await breakoutOf(people[0]!.socket, a.id)).view.members).toBeUndefined();

    // A late joiner is placed when they connect, in the emptiest room for their type.
    const late = await srv.join(meeting.code, 'Laat', { orgType: 'gemeente' });
    const lateSocket = await srv.connect(meeting.code, late.token);
    const { roomId, view: seen } = await breakoutOf(lateSocket, a.id);
    expect(roomId).not.toBeNull();
    // And gets the full current state of their room's boards.
    const board = seen.boards.find((b) => b.roomId === roomId)!;
    const p = people.find((_, i) => placements[i]!.roomId === roomId)!;
    await ok(p.socket, 'note:create', note(board.id, 'er al eerder'));
    const state = await ok(lateSocket, 'board:sync', { boardId: board.id });
    expect(state.notes.map((n) => n.text)).toEqual(['er al eerder']);
    await eventually(async () => (await breakoutOf(facilitator, a.id)).view.rooms.some((r) => r.size === 5));
  });

  it('[BOARD3][BOARD4] manual and self-chosen rooms; the facilitator moves people, adds a room and messages all rooms', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert] = await joinMany(srv, meeting.code, 2);
    const manual = await openBreakout(facilitator, {
      assignment: 'manual',
      questions: ['Vraag'],
      rooms: { by: 'count', count: 2 },
    });
    expect((await breakoutOf(ann!.socket, manual.id)).roomId).toBeNull();
    const { view } = await breakoutOf(facilitator, manual.id);
    const [r1, r2] = view.rooms;
    const b1 = view.boards.find((b) => b.roomId === r1!.id)!;
    const b2 = view.boards.find((b) => b.roomId === r2!.id)!;
    expect(await call(ann!.socket, 'board:sync', { boardId: b1.id })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });

    let placed = waitFor<Placement>(ann!.socket, 'breakout:placed');
    await ok(facilitator, 'breakout:move', {
      activityId: manual.id,
      participantId: ann!.participant.id,
      roomId: r1!.id,
    });
    expect((await placed).roomId).toBe(r1!.id);
    await ok(ann!.socket, 'board:sync', { boardId: b1.id });
    // Moved to room 2: the old room's board stops reaching Ann, the new one opens.
    placed = waitFor<Placement>(ann!.socket, 'breakout:placed');
    await ok(facilitator, 'breakout:move', {
      activityId: manual.id,
      participantId: ann!.participant.id,
      roomId: r2!.id,
    });
    await placed;
    const leaks: NoteView[] = [];
    ann!.socket.on('note:created', (n) => leaks.push(n));
    // The facilitator watches room 1's board: once they have the post-it, it went to that board's viewers.
    await ok(facilitator, 'board:sync', { boardId: b1.id });
    const toViewers = waitFor<NoteView>(facilitator, 'note:created', (n) => n.text === 'alleen voor kamer 1');
    await ok(facilitator, 'note:create', note(b1.id, 'alleen voor kamer 1'));
    expect(await call(ann!.socket, 'note:create', note(b1.id, 'oud'))).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await call(ann!.socket, 'note:create', note(b2.id, 'nieuw'))).toMatchObject({ ok: true });
    await toViewers;
    await ok(ann!.socket, 'session:sync'); // comes after anything that emit sent Ann
    expect(leaks).toEqual([]);

    // A room more, with its boards; a message to all rooms (retried: one message).
    const roomId = newId();
    const more = await ok(facilitator, 'breakout:addRoom', {
      activityId: manual.id,
      id: roomId,
    });
    expect(more.rooms.map((r) => r.label)).toEqual(['Kamer 1', 'Kamer 2', 'Kamer 3']);
    expect(more.boards.filter((b) => b.roomId === roomId)).toHaveLength(1);
    const msg = { activityId: manual.id, id: newId(), text: 'Nog 5 minuten!' };
    const told = waitFor<BreakoutView>(
      bert!.socket,
      'breakout:updated',
      (v) => v.message?.text === 'Nog 5 minuten!',
    );
    await ok(facilitator, 'breakout:message', msg);
    await ok(facilitator, 'breakout:message', msg);
    expect((await told).message).toMatchObject({ id: msg.id, text: 'Nog 5 minuten!' });

    // Self-chosen rooms with a room size: choose, change, and a full room is refused.
    const self = await openBreakout(facilitator, {
      assignment: 'self',
      rooms: { by: 'size', size: 2 },
      questions: ['V'],
    });
    const sv = (await breakoutOf(facilitator, self.id)).view;
    expect(sv.rooms).toHaveLength(1);
    expect(
      await ok(ann!.socket, 'breakout:choose', { activityId: self.id, roomId: sv.rooms[0]!.id }),
    ).toEqual({
      activityId: self.id,
      roomId: sv.rooms[0]!.id,
    });
    await ok(bert!.socket, 'breakout:choose', { activityId: self.id, roomId: sv.rooms[0]!.id });
    const [carla] = await joinMany(srv, meeting.code, 1, 'Carla');
    expect(
      await call(carla!.socket, 'breakout:choose', { activityId: self.id, roomId: sv.rooms[0]!.id }),
    ).toMatchObject({
      ok: false,
      error: 'conflict',
    });
    expect(
      await call(carla!.socket, 'breakout:choose', { activityId: manual.id, roomId: r1!.id }),
    ).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    // Ending the break-outs: room boards are read-only for participants, readable still.
    await ok(facilitator, 'activity:close', { id: self.id });
    const selfBoard = sv.boards[0]!;
    expect(await call(ann!.socket, 'board:sync', { boardId: selfBoard.id })).toMatchObject({ ok: true });
    expect(await call(ann!.socket, 'note:create', note(selfBoard.id, 'na afloop'))).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
  });
});

describe('themes, votes, anonymity, synthesis and results', () => {
  it('[BOARD11] themes: made with post-its, renamed, merged, dissolved (post-its stay where they were drawn)', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const a = await openBreakout(facilitator, {
      rooms: { by: 'count', count: 1 },
      questions: ['V'],
      participantsCluster: true,
    });
    const { view } = await breakoutOf(ann!.socket, a.id);
    const boardId = view.boards[0]!.id;
    const notes = await Promise.all(
      ['Andere rollen', 'Voetbalclub', 'Nieuwe definitie', 'Voorbeeldfunctie'].map((t) =>
        ok(ann!.socket, 'note:create', note(boardId, t)),
      ),
    );
    const t1 = newId();
    const made = await ok(ann!.socket, 'theme:create', {
      id: t1,
      boardId,
      heading: '‘Koplopers’ gaat niet alleen over bewoners',
      x: 600,
      y: 40,
      noteIds: [notes[0]!.id, notes[1]!.id],
    });
    expect(made.notes.map((n) => n.themeId)).toEqual([t1, t1]);
    const t2 = newId();
    await ok(facilitator, 'theme:create', { id: t2, boardId, heading: 'De waarde', x: 600, y: 600 });
    await ok(facilitator, 'note:theme', { boardId, noteIds: [notes[2]!.id], themeId: t2 });
    await ok(ann!.socket, 'note:move', { id: notes[3]!.id, x: 700, y: 700, themeId: t2 });
    await ok(ann!.socket, 'theme:update', { id: t2, heading: 'De waarde van koplopende bewoners' });
    const merged = await ok(facilitator, 'theme:merge', { id: t2, intoId: t1 });
    expect(merged.notes).toHaveLength(2);
    let state = await ok(facilitator, 'board:sync', { boardId });
    expect(state.themes.map((t) => t.heading)).toEqual(['‘Koplopers’ gaat niet alleen over bewoners']);
    expect(state.notes.every((n) => n.themeId === t1)).toBe(true);
    await ok(facilitator, 'theme:dissolve', { id: t1 });
    state = await ok(facilitator, 'board:sync', { boardId });
    expect(state.themes).toEqual([]);
    expect(state.notes.every((n) => n.themeId === null && n.x >= 600 && n.y >= 40)).toBe(true);
    // A retried create of a dissolved theme does not bring it back.
    expect(
      await call(ann!.socket, 'theme:create', { id: t1, boardId, heading: 'x', x: 0, y: 0 }),
    ).toMatchObject({
      ok: false,
      error: 'conflict',
    });
    expect(
      await call(ann!.socket, 'note:theme', { boardId, noteIds: [notes[0]!.id], themeId: t1 }),
    ).toMatchObject({
      ok: false,
      error: 'not_found',
    });
  });

  it('[BOARD10][BOARD12] counts hidden until revealed (staff live); anonymous boards never send authors', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert] = await joinMany(srv, meeting.code, 2);
    const a = await openBreakout(
      facilitator,
      { rooms: { by: 'count', count: 1 }, questions: ['V'] },
      { anonymous: true },
    );
    const { view } = await breakoutOf(ann!.socket, a.id);
    await breakoutOf(bert!.socket, a.id);
    const boardId = view.boards[0]!.id;
    expect(view.boards[0]!.anonymous).toBe(true);
    const secondTab = await srv.connect(meeting.code, ann!.token);
    for (const s of [bert!.socket, facilitator, secondTab]) await ok(s, 'board:sync', { boardId });
    const received: unknown[] = [];
    bert!.socket.on('note:created', (n) => received.push(n));
    const mineElsewhere = waitFor<{ id: string }>(secondTab, 'note:mine');
    const n = await ok(ann!.socket, 'note:create', note(boardId, 'anoniem gezegd'));
    expect((await mineElsewhere).id).toBe(n.id);
    await eventually(() => received.length === 1);
    expect(JSON.stringify(received)).not.toContain('Deelnemer 1');
    expect(JSON.stringify(received)).not.toContain(ann!.participant.id);
    const bertSees = await ok(bert!.socket, 'board:sync', { boardId });
    expect(bertSees.notes[0]!.author).toBeNull();
    expect(bertSees.mine).toEqual([]);
    expect((await ok(secondTab, 'board:sync', { boardId })).mine).toEqual([n.id]);
    expect(JSON.stringify(await ok(facilitator, 'board:sync', { boardId }))).not.toContain('Deelnemer 1');
    // Anonymity stays on once people wrote under it.
    expect(await call(facilitator, 'board:settings', { boardId, anonymous: false })).toMatchObject({
      ok: false,
      error: 'conflict',
    });

    await ok(facilitator, 'board:voting', { boardId, open: true });
    const leaked: unknown[] = [];
    bert!.socket.on('votes:counted', (c) => leaked.push(c));
    const staffCount = waitFor<{ counts: Record<string, number> }>(
      facilitator,
      'votes:counted',
      (c) => c.counts[n.id] === 3,
    );
    for (let i = 0; i < 3; i++) await ok(bert!.socket, 'vote:cast', { id: newId(), noteId: n.id });
    expect(await call(bert!.socket, 'vote:cast', { id: newId(), noteId: n.id })).toMatchObject({
      ok: false,
      error: 'conflict',
    });
    await staffCount;
    expect(leaked).toEqual([]);
    expect((await ok(bert!.socket, 'board:sync', { boardId })).counts).toBeNull();
    expect((await ok(bert!.socket, 'board:sync', { boardId })).myVotes).toHaveLength(3);
    const revealed = waitFor<{ counts: Record<string, number> }>(bert!.socket, 'votes:counted');
    await ok(facilitator, 'board:voting', { boardId, revealed: true, open: false });
    expect((await revealed).counts).toEqual({ [n.id]: 3 });
    expect(await call(bert!.socket, 'vote:cast', { id: newId(), noteId: n.id })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    const hidden = waitFor(bert!.socket, 'votes:hidden');
    await ok(facilitator, 'board:voting', { boardId, revealed: false });
    await hidden;
    // Deleting a post-it gives its votes back.
    await ok(facilitator, 'board:voting', { boardId, open: true });
    const back = waitFor<{ votes: unknown[] }>(bert!.socket, 'votes:mine', (v) => v.votes.length === 0);
    await ok(ann!.socket, 'note:delete', { id: n.id });
    await back;
  });

  it('[BOARD13][BOARD15][BOARD16] synthesis merges every room with its label; results and the verslag blocks carry themes, post-its and votes; a restart loses nothing', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 4);
    const a = await openBreakout(facilitator, {
      rooms: { by: 'count', count: 2 },
      questions: KOPLOPERS.slice(0, 2),
    });
    const placed = await Promise.all(
      people.map(async (p) => ({ ...p, ...(await breakoutOf(p.socket, a.id)) })),
    );
    const view = placed[0]!.view;
    // Staff's copy of the results follows the boards (for the verslag), gathered for a second.
    const harvested = waitFor<BreakoutResults>(
      facilitator,
      'results:updated',
      (r) => r.kind === 'breakout' && r.total === 4,
    );
    for (const [i, p] of placed.entries()) {
      const board = view.boards.find((b) => b.roomId === p.roomId && b.questionIndex === 0)!;
      await ok(p.socket, 'note:create', note(board.id, `Inzicht ${i + 1}`));
    }
    expect(
      (await harvested).questions[0]!.rooms.flatMap((r) => r.unthemed.map((n) => n.text)).sort(),
    ).toEqual(['Inzicht 1', 'Inzicht 2', 'Inzicht 3', 'Inzicht 4']);
    expect(await call(placed[0]!.socket, 'board:sync', { boardId: newId() })).toMatchObject({
      ok: false,
      error: 'not_found',
    });
    await ok(facilitator, 'activity:close', { id: a.id });
    const told = waitFor<BreakoutView>(placed[0]!.socket, 'breakout:updated', (v) => v.synthesis);
    const after = await ok(facilitator, 'breakout:synthesis', { activityId: a.id });
    await told;
    const syn = after.boards.find((b) => b.roomId === null && b.questionIndex === 0)!;
    // Everyone, observers too, sees the synthesis; each post-it keeps its room.
    const observer = await srv.connect(meeting.code);
    const merged = await ok(observer, 'board:sync', { boardId: syn.id });
    expect(merged.notes).toHaveLength(4);
    expect(new Set(merged.notes.map((n) => n.roomLabel))).toEqual(new Set(['Kamer 1', 'Kamer 2']));
    // Doing it again adds nothing twice.
    await ok(facilitator, 'breakout:synthesis', { activityId: a.id });
    expect((await ok(observer, 'board:sync', { boardId: syn.id })).notes).toHaveLength(4);

    // Cluster with the group: a theme with two post-its, votes, reveal.
    const themeId = newId();
    await ok(facilitator, 'theme:create', {
      id: themeId,
      boardId: syn.id,
      heading: 'Koplopende bewoners en de buurt',
      x: 1200,
      y: 40,
      noteIds: merged.notes.slice(0, 2).map((n) => n.id),
    });
    await ok(facilitator, 'board:voting', { boardId: syn.id, open: true, limit: 3 });
    await ok(placed[1]!.socket, 'vote:cast', { id: newId(), noteId: merged.notes[0]!.id });
    await ok(placed[2]!.socket, 'vote:cast', { id: newId(), noteId: merged.notes[0]!.id });
    await ok(facilitator, 'board:settings', { boardId: syn.id, locked: true });

    const results = async () => {
      const res = await fetch(`${srv!.url}/api/meetings/${meeting.id}/results`, {
        headers: { authorization: `Bearer ${meeting.secretaryToken}` },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        activities: { activity: { id: string }; results: BreakoutResults }[];
      };
      return body.activities.find((x) => x.activity.id === a.id)!.results;
    };
    const before = await results();
    expect(before).toMatchObject({ kind: 'breakout', total: 8 });
    const q0 = before.questions[0]!;
    expect(q0.rooms.map((r) => r.roomLabel)).toEqual(['Kamer 1', 'Kamer 2']);
    expect(q0.synthesis!.themes).toEqual([
      expect.objectContaining({
        heading: 'Koplopende bewoners en de buurt',
        votes: 2,
        notes: [
          expect.objectContaining({ id: merged.notes[0]!.id, votes: 2 }),
          expect.objectContaining({ votes: 0 }),
        ],
      }),
    ]);
    expect(q0.synthesis!.unthemed).toHaveLength(2);
    const blocks = breakoutToBlocks(before);
    expect(blocks).toContainEqual({ type: 'heading', level: 4, text: 'Koplopende bewoners en de buurt' });
    expect(JSON.stringify(blocks)).toContain('(2 stemmen)');

    // [BOARD16] Restart: everything acked is back.
    await srv.restart();
    expect(await results()).toEqual(before);
    const back = await srv.connect(meeting.code, meeting.facilitatorToken);
    const state = await ok(back, 'board:sync', { boardId: syn.id });
    expect(state.board).toMatchObject<Partial<BoardView>>({
      locked: true,
      voting: { open: true, limit: 3, revealed: false },
    });
    expect(state.counts).toEqual({ [merged.notes[0]!.id]: 2 });
    expect(state.themes).toHaveLength(1);
  });

  it('[MEET7][BOARD16] deleting the meeting deletes every room, board, post-it, theme and vote', async () => {
    const s = await startServer();
    srv = s;
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const a = await openBreakout(facilitator, { rooms: { by: 'count', count: 1 }, questions: ['V'] });
    const { view } = await breakoutOf(ann!.socket, a.id);
    const boardId = view.boards[0]!.id;
    const n = await ok(ann!.socket, 'note:create', note(boardId, 'weg ermee'));
    await ok(facilitator, 'theme:create', {
      id: newId(),
      boardId,
      heading: 'T',
      x: 0,
      y: 400,
      noteIds: [n.id],
    });
    await ok(facilitator, 'board:voting', { boardId, open: true });
    await ok(ann!.socket, 'vote:cast', { id: newId(), noteId: n.id });
    await ok(facilitator, 'breakout:synthesis', { activityId: a.id });
    const tables = [
      'breakouts',
      'breakout_rooms',
      'breakout_members',
      'boards',
      'board_notes',
      'board_themes',
      'board_votes',
    ];
    const count = async () => {
      const d = await s.app.ctx.store.dump();
      return tables.map((t) => d[t]!.length);
    };
    expect((await count()).every((n) => n > 0)).toBe(true);
    const res = await fetch(`${srv.url}/api/meetings/${meeting.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${meeting.facilitatorToken}` },
    });
    expect(res.status).toBe(200);
    expect(await count()).toEqual(tables.map(() => 0));
  });
});
