import { afterEach, describe, expect, it } from 'vitest';
import type { BreakoutView } from '../../shared/domain/board/types';
import { newId } from '../../shared/domain/ids';
import { BoardMirror, breakoutOf, note, openBreakout, serverView } from '../helpers/boards';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
import { call, eventually, ok, startServer, type TestServer, waitFor } from '../helpers/server';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const roomBoards = (view: BreakoutView, roomId: string | null) =>
  view.boards.filter((b) => b.roomId === roomId).sort((a, b) => a.questionIndex - b.questionIndex);

describe('break-outs and boards', () => {
  it('[BOARD2][BOARD3][BOARD6][BOARD8][BOARD14] 40 participants in 5 rooms × 4 questions post 400 post-its at once; every client ends with the server state', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 40);
    const activity = await openBreakout(facilitator, { rooms: { by: 'count', count: 5 } });
    const { view } = await breakoutOf(facilitator, activity.id);
    expect(view.rooms).toHaveLength(5);
    expect(view.boards).toHaveLength(20);
    // [BOARD3] random placement: 8 people in each room.
    expect(view.rooms.map((r) => r.size)).toEqual([8, 8, 8, 8, 8]);

    // Every participant watches the four boards of their own room; the facilitator watches all.
    const mirrors = await Promise.all(
      people.map(async (p) => {
        const { roomId } = await breakoutOf(p.socket, activity.id);
        expect(roomId).not.toBeNull();
        const mirror = new BoardMirror(p.socket);
        const boards = roomBoards(view, roomId);
        for (const b of boards) await mirror.watch(b.id);
        return { ...p, roomId: roomId!, boards, mirror };
      }),
    );
    const staffMirror = new BoardMirror(facilitator);
    for (const b of view.boards) await staffMirror.watch(b.id);

    // 10 post-its each, spread over the four questions, all sent at once.
    const acks = await Promise.all(
      mirrors.flatMap((p, i) =>
        Array.from({ length: 10 }, (_, k) =>
          call(
            p.socket,
            'note:create',
            note(p.boards[k % 4]!.id, `Post-it ${k + 1} van deelnemer ${i + 1}`, {
              x: 40 + k * 10,
              y: 40 + i,
            }),
          ),
        ),
      ),
    );
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    expect(acks).toHaveLength(400);

    let total = 0;
    for (const b of view.boards) {
      const server = await serverView(facilitator, b.id);
      total += server!.notes.length;
      await eventually(() => JSON.stringify(staffMirror.view(b.id)) === JSON.stringify(server), 10_000);
      for (const p of mirrors.filter((m) => m.roomId === b.roomId)) {
        await eventually(() => JSON.stringify(p.mirror.view(b.id)) === JSON.stringify(server), 10_000);
      }
    }
    expect(total).toBe(400);
    // Nobody received another room's post-its.
    for (const p of mirrors) {
      for (const [boardId] of p.mirror.boards) expect(p.boards.map((b) => b.id)).toContain(boardId);
    }
  });

  it('[BOARD17] post-its made in the same millisecond keep the order they were made in: the newest is last', async () => {
    // A clock that stands still: every post-it is made "at once".
    srv = await startServer({ now: () => Date.parse('2026-11-30T10:00:00Z') });
    const { facilitator } = await meetingWithFacilitator(srv);
    const activity = await openBreakout(facilitator, {
      rooms: { by: 'count', count: 1 },
      questions: ['Vraag'],
    });
    const { view } = await breakoutOf(facilitator, activity.id);
    const boardId = view.boards[0]!.id;
    const texts = Array.from({ length: 12 }, (_, i) => `Punt ${i + 1}`);
    for (const text of texts) await ok(facilitator, 'note:create', note(boardId, text));
    const { notes } = await ok(facilitator, 'board:sync', { boardId });
    expect(notes.map((n: { text: string }) => n.text)).toEqual(texts);
  });

  it('[BOARD6] the same create retried, or sent from two tabs, makes one post-it; a deleted post-it never comes back', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const activity = await openBreakout(facilitator, {
      rooms: { by: 'count', count: 1 },
      questions: ['Vraag'],
    });
    const { view } = await breakoutOf(ann!.socket, activity.id);
    const boardId = view.boards[0]!.id;
    const secondTab = await srv.connect(meeting.code, ann!.token);
    const cmd = note(boardId, 'Koplopers zijn niet per se bewoners');
    const [a, b, c] = await Promise.all([
      call(ann!.socket, 'note:create', cmd),
      call(ann!.socket, 'note:create', cmd),
      call(secondTab, 'note:create', cmd),
    ]);
    for (const r of [a, b, c]) expect(r).toMatchObject({ ok: true, data: { id: cmd.id, version: 1 } });
    expect((await ok(facilitator, 'board:sync', { boardId })).notes).toHaveLength(1);
    // Another participant reusing the id is refused, not merged.
    const [bert] = await joinMany(srv, meeting.code, 1, 'Bert');
    await breakoutOf(bert!.socket, activity.id);
    expect(await call(bert!.socket, 'note:create', { ...cmd, text: 'kaping' })).toMatchObject({
      ok: false,
      error: 'conflict',
    });

    await ok(ann!.socket, 'note:delete', { id: cmd.id });
    const retried = await ok(secondTab, 'note:create', cmd);
    expect(retried.note).toBeNull();
    const state = await ok(facilitator, 'board:sync', { boardId });
    expect(state.notes).toEqual([]);
    expect(state.deleted).toEqual([{ id: cmd.id, version: 2 }]);
    // Editing or moving it now: it is gone.
    expect(await call(ann!.socket, 'note:edit', { id: cmd.id, text: 'terug?' })).toMatchObject({
      ok: false,
      error: 'not_found',
    });
    expect(await call(ann!.socket, 'note:move', { id: cmd.id, x: 1, y: 1 })).toMatchObject({
      ok: false,
      error: 'not_found',
    });
    // Deleting again answers the same tombstone.
    expect(await ok(ann!.socket, 'note:delete', { id: cmd.id })).toEqual({
      id: cmd.id,
      note: null,
      version: 2,
    });
  });

  it('[BOARD8] concurrent move + edit + delete of one post-it by three clients converge to one outcome everywhere', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert] = await joinMany(srv, meeting.code, 2);
    const activity = await openBreakout(facilitator, {
      rooms: { by: 'count', count: 1 },
      questions: ['Vraag'],
    });
    const { view } = await breakoutOf(ann!.socket, activity.id);
    await breakoutOf(bert!.socket, activity.id);
    const boardId = view.boards[0]!.id;
    const observerOfChanges = await srv.connect(meeting.code, meeting.secretaryToken);
    const mirrors = [ann!.socket, bert!.socket, facilitator, observerOfChanges].map(
      (s) => new BoardMirror(s),
    );
    for (const m of mirrors) await m.watch(boardId);

    for (let round = 0; round < 10; round++) {
      // Edit (Ann, the writer) and move (Bert) at once: both fields survive, the version counts both.
      const n = await ok(ann!.socket, 'note:create', note(boardId, `ronde ${round}`));
      const [edit, move] = await Promise.all([
        call(ann!.socket, 'note:edit', {
          id: n.id,
          text: `ronde ${round}, aangepast`,
          colour: 'blauw',
        }),
        call(bert!.socket, 'note:move', { id: n.id, x: 500 + round, y: 300 }),
      ]);
      expect(edit.ok && move.ok).toBe(true);
      const after = (await ok(facilitator, 'board:sync', { boardId })).notes.find((x) => x.id === n.id)!;
      expect(after).toMatchObject({
        text: `ronde ${round}, aangepast`,
        colour: 'blauw',
        x: 500 + round,
        y: 300,
        version: 3,
      });
      const now = await serverView(facilitator, boardId);
      for (const m of mirrors)
        await eventually(() => JSON.stringify(m.view(boardId)) === JSON.stringify(now));

      // A second post-it stays: edited and moved by two clients at once, in either order.
      const keep = await ok(bert!.socket, 'note:create', note(boardId, `blijft ${round}`));
      await Promise.all([
        call(bert!.socket, 'note:edit', { id: keep.id, text: `blijft ${round}, aangepast` }),
        call(ann!.socket, 'note:move', { id: keep.id, x: 900, y: 100 + round * 130 }),
        call(facilitator, 'note:move', { id: keep.id, x: 900, y: 100 + round * 130 }),
      ]);
      // Edit, move and delete at once (three clients): delete wins, and is final.
      const results = await Promise.all([
        call(ann!.socket, 'note:edit', { id: n.id, text: 'nog een keer' }),
        call(bert!.socket, 'note:move', { id: n.id, x: 10, y: 10 }),
        call(facilitator, 'note:delete', { id: n.id }),
      ]);
      // The delete is always accepted; an edit or move that came after it is told the post-it is gone.
      expect(results[2]).toMatchObject({ ok: true, data: { note: null } });
      for (const r of results.slice(0, 2)) {
        if (!r.ok) expect(r.error).toBe('not_found');
      }
    }
    const server = await serverView(facilitator, boardId);
    expect(server!.notes.map((x) => x.text).sort()).toEqual(
      Array.from({ length: 10 }, (_, r) => `blijft ${r}, aangepast`).sort(),
    );
    expect(server!.notes.every((x) => x.version === 4 && x.x === 900)).toBe(true);
    for (const m of mirrors)
      await eventually(() => JSON.stringify(m.view(boardId)) === JSON.stringify(server));
  });

  it('[BOARD5][BOARD7][BOARD10][BOARD12] participants cannot lock, edit others’ text, see other rooms, or vote more than N times', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 4);
    const activity = await openBreakout(facilitator, {
      rooms: { by: 'count', count: 2 },
      questions: ['Vraag'],
    });
    const placed = await Promise.all(
      people.map(async (p) => ({ ...p, ...(await breakoutOf(p.socket, activity.id)) })),
    );
    const [a, b] = [placed[0]!, placed.find((p) => p.roomId === placed[0]!.roomId && p !== placed[0])!];
    const other = placed.find((p) => p.roomId !== a.roomId)!;
    const board = roomBoards(a.view, a.roomId)[0]!;
    const otherBoard = roomBoards(a.view, other.roomId)[0]!;

    // Manage actions are the facilitator's.
    for (const [ev, payload] of [
      ['board:settings', { boardId: board.id, locked: true }],
      ['board:voting', { boardId: board.id, open: true }],
      ['breakout:move', { activityId: activity.id, participantId: b.participant.id, roomId: other.roomId }],
      ['breakout:synthesis', { activityId: activity.id }],
      ['activity:close', { id: activity.id }],
    ] as const) {
      expect(await call(a.socket, ev, payload)).toMatchObject({ ok: false, error: 'forbidden' });
    }
    // Another room's board: not readable, not writable.
    expect(await call(a.socket, 'board:sync', { boardId: otherBoard.id })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await call(a.socket, 'note:create', note(otherBoard.id, 'inbraak'))).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    // Someone else's text: not editable, not deletable; moving is fine.
    const mine = await ok(a.socket, 'note:create', note(board.id, 'van Ann'));
    expect(await call(b.socket, 'note:edit', { id: mine.id, text: 'overschreven' })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await call(b.socket, 'note:delete', { id: mine.id })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await call(b.socket, 'note:move', { id: mine.id, x: 300, y: 300 })).toMatchObject({ ok: true });
    // Staff may not rewrite a participant's words either (only delete, as moderation).
    expect(await call(facilitator, 'note:edit', { id: mine.id, text: 'gecensureerd' })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    // Themes only when the activity lets participants cluster.
    expect(
      await call(a.socket, 'theme:create', { id: newId(), boardId: board.id, heading: 'Thema', x: 0, y: 0 }),
    ).toMatchObject({ ok: false, error: 'forbidden' });
    // Observers read nothing of rooms (other rooms hidden) and write nothing.
    const observer = await srv.connect(meeting.code);
    expect(await call(observer, 'board:sync', { boardId: board.id })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await call(observer, 'note:create', note(board.id, 'x'))).toMatchObject({
      ok: false,
      error: 'forbidden',
    });

    // Lock: read-only for participants, not for staff.
    await ok(facilitator, 'board:settings', { boardId: board.id, locked: true });
    expect(await call(a.socket, 'note:create', note(board.id, 'te laat'))).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await call(a.socket, 'note:move', { id: mine.id, x: 1, y: 1 })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await call(facilitator, 'note:create', note(board.id, 'van de gespreksleider'))).toMatchObject({
      ok: true,
    });
    await ok(facilitator, 'board:settings', { boardId: board.id, locked: false });

    // Dot voting: not before it opens; at most N (here 2); a retry counts once; take back and spend again.
    const v = () => ({ id: newId(), noteId: mine.id });
    expect(await call(a.socket, 'vote:cast', v())).toMatchObject({ ok: false, error: 'forbidden' });
    await ok(facilitator, 'board:voting', { boardId: board.id, open: true, limit: 2 });
    const first = v();
    expect(await ok(a.socket, 'vote:cast', first)).toHaveLength(1);
    expect(await ok(a.socket, 'vote:cast', first)).toHaveLength(1);
    const burst = await Promise.all(Array.from({ length: 5 }, () => call(a.socket, 'vote:cast', v())));
    expect(burst.filter((r) => r.ok)).toHaveLength(1);
    expect(burst.filter((r) => !r.ok && r.error === 'conflict')).toHaveLength(4);
    expect(await call(facilitator, 'vote:cast', v())).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await ok(a.socket, 'vote:retract', { id: first.id })).toHaveLength(1);
    expect(await ok(a.socket, 'vote:cast', v())).toHaveLength(2);
    // Another room's participant cannot vote here.
    expect(await call(other.socket, 'vote:cast', v())).toMatchObject({ ok: false, error: 'forbidden' });

    // When the activity allows it, other rooms can be read (never written).
    const { snap } = await breakoutOf(facilitator, activity.id);
    const spec = snap.activities.find((x) => x.id === activity.id)!.spec;
    if (spec.kind !== 'breakout') throw new Error('expected a break-out');
    await ok(facilitator, 'activity:update', { id: activity.id, spec: { ...spec, seeOtherRooms: true } });
    expect(await call(a.socket, 'board:sync', { boardId: otherBoard.id })).toMatchObject({ ok: true });
    expect(await call(a.socket, 'note:create', note(otherBoard.id, 'inbraak'))).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
  });

  it('[BOARD9] a drag in progress reaches the other viewers, is never stored, and is not echoed to the dragger', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert] = await joinMany(srv, meeting.code, 2);
    const activity = await openBreakout(facilitator, {
      rooms: { by: 'count', count: 1 },
      questions: ['Vraag'],
    });
    const { view } = await breakoutOf(ann!.socket, activity.id);
    const boardId = view.boards[0]!.id;
    for (const s of [ann!.socket, bert!.socket]) await ok(s, 'board:sync', { boardId });
    const n = await ok(ann!.socket, 'note:create', note(boardId, 'sleep mij'));
    const echoes: unknown[] = [];
    ann!.socket.on('note:dragging', (d) => echoes.push(d));
    const seen = waitFor<{ id: string; x: number; by: string }>(
      bert!.socket,
      'note:dragging',
      (d) => d.x === 420,
    );
    ann!.socket.emit('note:drag', {
      boardId,
      id: n.id,
      x: 420,
      y: 240,
    });
    expect(await seen).toMatchObject({ id: n.id, x: 420, y: 240, by: 'Deelnemer 1' });
    // A burst faster than the relay throttle: the last position still arrives.
    const last = waitFor<{ x: number }>(bert!.socket, 'note:dragging', (d) => d.x === 505);
    for (let x = 501; x <= 505; x++) {
      ann!.socket.emit('note:drag', {
        boardId,
        id: n.id,
        x,
        y: 240,
      });
    }
    await last;
    const stored = (await ok(facilitator, 'board:sync', { boardId })).notes[0]!;
    expect(stored).toMatchObject({ x: 100, y: 100, version: 1 });
    expect(echoes).toEqual([]);
  });
});
