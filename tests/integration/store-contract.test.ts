import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REPLAYED } from '../../server/storage/applied';
import { CodeTakenError, type Store } from '../../server/storage/store';
import {
  board,
  meeting,
  type Opened,
  postgresForContract,
  storesUnderTest,
  T0,
  uid,
} from '../helpers/storeContract';

/**
 * The `Store` contract, the same assertions on both stores: SQLite in a temp dir and PostgreSQL in
 * a fresh database. Without PostgreSQL (a machine with only Node) its half is skipped with a
 * warning, unless CI=true.
 */
const STORES = storesUnderTest(await postgresForContract());

/** A participant row of meeting `meetingId` whose id, name and token are `id`. */
const personIn = (meetingId: string) => (id: string) => ({
  id,
  meetingId,
  name: id,
  orgType: null,
  tokenHash: id,
  createdAt: T0,
});

for (const s of STORES) {
  describe.skipIf(!s.up)(`Store contract: ${s.name}`, () => {
    let opened: Opened;
    let store: Store;
    beforeAll(async () => {
      opened = await s.open();
      store = opened.store;
    });
    afterAll(() => opened?.dispose());

    it('[RECON6] a write with `once` applies once; a replay changes nothing and answers so', async () => {
      const m = await meeting(store);
      const k = m.key('c-agenda', 'facilitator');
      expect(await store.agenda.insert(m.id, { id: 'i1', title: 'Welkom', body: '' }, undefined, k)).toBe(
        true,
      );
      expect(await store.agenda.insert(m.id, { id: 'i1', title: 'Welkom', body: '' }, undefined, k)).toBe(
        false,
      );
      expect(await store.applied.has(k)).toBe(true);
      await store.agenda.insert(m.id, { id: 'i0', title: 'Opening', body: '' }, 0);
      expect((await store.agenda.list(m.id)).map((i) => i.id)).toEqual(['i0', 'i1']);

      const row = { activityId: m.a, participantId: m.p, commandId: 'r1', value: { level: 1 }, note: '' };
      expect(await store.responses.upsert({ ...row, createdAt: T0, updatedAt: T0 }, m.key('r1'))).toBe(true);
      expect(
        await store.responses.upsert(
          { ...row, value: { level: 0 }, createdAt: T0, updatedAt: T0 },
          m.key('r1'),
        ),
      ).toBe(false);
      expect((await store.responses.get(m.a, m.p))?.value).toEqual({ level: 1 });
      expect(await store.responses.delete(m.a, m.p, m.key('d1'))).toBe(true);
      expect(await store.responses.delete(m.a, m.p, m.key('d1'))).toBe(REPLAYED);

      // A refused write is not applied: its id is not recorded, so a later try may still apply.
      const gone = m.key('u-gone');
      expect(await store.boards.updateNote('no-such-note', { text: 'x' }, T0, gone)).toBeUndefined();
      expect(await store.applied.has(gone)).toBe(false);
    });

    it('a join code taken already is refused with CodeTakenError, nothing stored', async () => {
      const m = await meeting(store);
      const taken = (await store.meetings.get(m.id))!.code;
      const again = { ...(await store.meetings.get(m.id))!, id: uid('m') };
      await expect(store.meetings.insert({ ...again, code: taken })).rejects.toBeInstanceOf(CodeTakenError);
      expect(await store.meetings.get(again.id)).toBeUndefined();
      expect((await store.meetings.getByCode(taken))?.id).toBe(m.id);
    });

    it('deleting a meeting deletes everything of it, and nothing of another', async () => {
      const m = await meeting(store);
      const other = await meeting(store);
      const { boardId, note } = await board(store, m);
      await store.boards.createNote(note(), 100);
      await store.responses.upsert(
        {
          activityId: m.a,
          participantId: m.p,
          commandId: 'x',
          value: 1,
          note: '',
          createdAt: T0,
          updatedAt: T0,
        },
        m.key('x'),
      );
      await store.reports.append(m.id, new Uint8Array([1, 2, 3]));
      await store.chat.insert({
        id: uid('chat'),
        meetingId: m.id,
        channel: 'meeting',
        authorKey: m.p,
        authorRole: 'participant',
        authorName: 'An',
        text: 'Hallo',
        createdAt: T0,
        votes: 0,
        tip: false,
        tipBy: null,
        pinned: false,
        hidden: false,
      });
      const timer = { scope: 'meeting' as const, status: 'idle' as const, durationMs: 60_000, endsAt: null };
      await store.timers.put(m.id, { ...timer, remainingMs: null, label: '', updatedAt: T0 }, m.key('t'));
      await store.meetings.delete(m.id);

      expect(await store.meetings.get(m.id)).toBeUndefined();
      expect(await store.participants.count(m.id)).toBe(0);
      expect(await store.activities.count(m.id)).toBe(0);
      expect(await store.responses.count(m.a)).toBe(0);
      expect(await store.reports.count(m.id)).toBe(0);
      expect(await store.chat.count(m.id)).toBe(0);
      expect(await store.timers.list(m.id)).toEqual([]);
      expect(await store.breakouts.board(boardId)).toBeUndefined();
      expect(await store.applied.has(m.key('x'))).toBe(false);
      expect(await store.participants.count(other.id)).toBe(1);
      expect(await store.activities.count(other.id)).toBe(1);
    });

    it('[MEET2][DUR3] a join fills a meeting up to its limit and no further: 24 at once through two handles (two nodes), none refused by a conflict', async () => {
      const m = await meeting(store);
      const other = await opened.again();
      try {
        const before = await store.participants.count(m.id);
        const person = personIn(m.id);
        const limit = before + 10;
        const got = await Promise.all(
          Array.from({ length: 24 }, (_, i) =>
            (i % 2 ? other : store).participants.insertIfRoom(person(uid('j')), limit),
          ),
        );
        expect(got.filter(Boolean)).toHaveLength(10);
        expect(await store.participants.count(m.id)).toBe(limit);
        expect(await other.participants.insertIfRoom(person(uid('late')), limit)).toBe(false);
        expect(await store.participants.count(m.id)).toBe(limit);
      } finally {
        await other.close();
      }
    });

    it('[REPORT9] Yjs updates come back byte for byte, with numeric ids; compaction replaces what it merged', async () => {
      const m = await meeting(store);
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      doc.getText('t').insert(0, 'Verslag: ');
      doc.getText('t').insert(9, 'één ∑ 🌱');
      const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
      const ids: number[] = [];
      for (const u of [...updates, everyByte]) ids.push(await store.reports.append(m.id, u));
      expect(ids.every((id) => typeof id === 'number')).toBe(true);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);

      const loaded = await store.reports.load(m.id);
      expect(loaded.updates.map((u) => [...u])).toEqual([...updates, everyByte].map((u) => [...u]));
      expect(loaded.ids).toEqual(ids);
      const replica = new Y.Doc();
      for (const u of loaded.updates.slice(0, -1)) Y.applyUpdate(replica, u);
      expect(replica.getText('t').toString()).toBe('Verslag: één ∑ 🌱');

      const merged = Y.encodeStateAsUpdate(doc);
      const newId = await store.reports.compact(m.id, merged, ids.slice(0, updates.length));
      expect(typeof newId).toBe('number');
      const after = await store.reports.load(m.id);
      expect(after.updates.map((u) => [...u])).toEqual([[...everyByte], [...merged]]);
      expect(await store.reports.count(m.id)).toBe(2);
      expect(await store.reports.initialise(m.id, merged)).toBeNull();
    });

    it('[REPORT9] compaction by ids keeps a row that another server appended meanwhile', async () => {
      const m = await meeting(store);
      for (const b of [1, 2, 3]) await store.reports.append(m.id, new Uint8Array([b]));
      const read = await store.reports.load(m.id);
      const other = await opened.again();
      try {
        // Appended after the read, before the compaction: not merged, so it must stay.
        await other.reports.append(m.id, new Uint8Array([4]));
        await store.reports.compact(m.id, new Uint8Array([1, 2, 3]), read.ids);
      } finally {
        await other.close();
      }
      const after = await store.reports.load(m.id);
      expect(after.updates.map((u) => [...u]).sort()).toEqual([[1, 2, 3], [4]]);
    });

    it('[BOARD12] concurrent votes never exceed the limit; concurrent post-its never exceed the board', async () => {
      const m = await meeting(store);
      const { boardId, note } = await board(store, m);
      const first = await store.boards.createNote(note(), 100);
      if (first === 'full') throw new Error('board full');
      const casts = await Promise.all(
        Array.from({ length: 8 }, () =>
          store.boards.castVote({ id: uid('v'), boardId, noteId: first.id, participantId: m.p, at: T0 }, 3),
        ),
      );
      expect(casts.filter((c) => c === 'ok')).toHaveLength(3);
      expect(casts.filter((c) => c === 'limit')).toHaveLength(5);
      expect(await store.boards.voteTotal(boardId)).toBe(3);

      const made = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.boards.createNote(note(uid('n'), T0 + i), 5)),
      );
      expect(made.filter((x) => x === 'full')).toHaveLength(4);
      const live = await store.boards.notes(boardId);
      expect(live.map((x) => x.createdAt)).toEqual([...live.map((x) => x.createdAt)].sort((a, b) => a - b));
      expect(live).toHaveLength(5);
    });

    it('[BOARD8][RECON6] post-its: an existing id answers what is stored; a theme must be live; a keyed change applies once and never on a deleted post-it', async () => {
      const m = await meeting(store);
      const { boardId, note } = await board(store, m);
      const theme = {
        id: uid('t'),
        boardId,
        heading: 'Groen',
        x: 0,
        y: 0,
        version: 1,
        deleted: false,
        createdAt: T0,
      };
      expect(await store.boards.createTheme(theme, [], 50)).not.toBe('full');
      const a = await store.boards.createNote({ ...note(), themeId: theme.id }, 100);
      const b = await store.boards.createNote({ ...note(), themeId: 'no-such-theme' }, 100);
      if (a === 'full' || b === 'full') throw new Error('board full');
      expect([a.themeId, b.themeId, a.authorName]).toEqual([theme.id, null, 'An']);
      expect(await store.boards.createNote({ ...note(a.id), text: 'anders' }, 100)).toMatchObject({
        id: a.id,
        text: 'Meer groen',
      });
      expect(await store.boards.createNote(note(), 2)).toBe('full');

      const k = m.key(uid('move'));
      const moved = await store.boards.updateNote(a.id, { x: 5, y: 6, themeId: null }, T0 + 1, k);
      expect(moved).toMatchObject({ x: 5, y: 6, themeId: null, version: 2, authorName: 'An' });
      expect(await store.boards.updateNote(a.id, { x: 7, y: 8 }, T0 + 2, k)).toBe(REPLAYED);
      expect(await store.boards.updateNote(a.id, { x: 9, y: 9 }, T0 + 3)).toMatchObject({ x: 9, version: 3 });
      expect(await store.boards.updateNote(a.id, { themeId: 'no-such-theme' }, T0 + 4)).toBe('no_theme');

      await store.boards.deleteNote(b.id, T0 + 5);
      const late = m.key(uid('late'));
      expect(await store.boards.updateNote(b.id, { x: 1 }, T0 + 6, late)).toMatchObject({
        deleted: true,
        x: 10,
      });
      expect(await store.applied.has(late)).toBe(false);
      expect(await store.boards.note(a.id)).toMatchObject({ x: 9, y: 9, version: 3 });
    });

    it('chat: seq numbers rise, pages come oldest first, votes count once per voter', async () => {
      const m = await meeting(store);
      const seqs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const msg = await store.chat.insert({
          id: uid('chat'),
          meetingId: m.id,
          channel: 'meeting',
          authorKey: m.p,
          authorRole: 'participant',
          authorName: 'An',
          text: i === 2 ? 'zie https://example.nl' : `bericht ${i}`,
          createdAt: T0 + i,
          votes: 0,
          tip: false,
          tipBy: null,
          pinned: false,
          hidden: false,
        });
        seqs.push(msg.seq);
      }
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      const page = await store.chat.page(m.id, 'meeting', null, 3, false);
      expect(page.hasMore).toBe(true);
      expect(page.messages.map((x) => x.text)).toEqual(['zie https://example.nl', 'bericht 3', 'bericht 4']);
      expect((await store.chat.withLinks(m.id, ['meeting'], 10)).map((x) => x.seq)).toEqual([seqs[2]]);
      const target = page.messages[0]!.id;
      expect(await store.chat.vote(target, 'p-x', true)).toBe(1);
      expect(await store.chat.vote(target, 'p-x', true)).toBe(1);
      expect(await store.chat.vote(target, 'p-y', true)).toBe(2);
      expect(await store.chat.vote('no-such-message', 'p-x', true)).toBe(0);
      expect(await store.chat.countSince(m.id, m.p, T0 + 2)).toBe(2);
    });

    it('transaction: commits together, rolls back together, a nested one is a savepoint', async (ctx) => {
      const tx = (store as Partial<Pick<Store & { transaction: TransactionFn }, 'transaction'>>).transaction;
      if (!tx) return ctx.skip();
      const run: TransactionFn = tx.bind(store);
      const m = await meeting(store);
      const person = personIn(m.id);
      await run(async (t) => {
        await t.participants.insert(person(uid('in')));
        await t.participants.insert(person(uid('in')));
      });
      expect(await store.participants.count(m.id)).toBe(3);
      await expect(
        run(async (t) => {
          await t.participants.insert(person(uid('out')));
          throw new Error('nee');
        }),
      ).rejects.toThrow('nee');
      expect(await store.participants.count(m.id)).toBe(3);
      await run(async (t) => {
        await t.participants.insert(person(uid('kept')));
        const inner = (t as unknown as { transaction: TransactionFn }).transaction;
        await inner(async (u) => {
          await u.participants.insert(person(uid('undone')));
          throw new Error('binnen');
        }).catch(() => {});
      });
      expect(await store.participants.count(m.id)).toBe(4);

      // [ROOM] A read-check-write in a transaction: ten at once, a cap of six, exactly six in.
      await Promise.all(
        Array.from({ length: 10 }, () =>
          run(async (t) => {
            if ((await t.participants.count(m.id)) < 6) await t.participants.insert(person(uid('cap')));
          }),
        ),
      );
      expect(await store.participants.count(m.id)).toBe(6);
    });
  });
}

type TransactionFn = <T>(fn: (tx: Store) => Promise<T>) => Promise<T>;
