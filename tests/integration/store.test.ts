import { afterEach, describe, expect, it } from 'vitest';
import { CodeTakenError, type Store } from '../../server/storage/store';
import { newId } from '../../shared/domain/ids';
import { meetingRecord, openTestStore } from '../helpers/store';

/**
 * The `Store.transaction` contract, through the Store API only (it holds for every store):
 * all or nothing, not seen from outside before it commits, serializable, savepoints when nested.
 */

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** A promise and the function that resolves it: a step the test decides when to take. */
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { open, opened };
};

/** Several turns of the event loop: whatever can run meanwhile, runs. */
const turns = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('[DUR3] Store.transaction', () => {
  it('commits everything done through tx together, and answers what fn answered', async () => {
    const s = openTestStore();
    store = s;
    const m = meetingRecord();
    const answer = await s.transaction(async (tx) => {
      await tx.meetings.insert(m);
      await tx.participants.insert({
        id: 'p1',
        meetingId: m.id,
        name: 'Ann',
        orgType: null,
        tokenHash: 't',
        createdAt: 1,
      });
      return 'klaar';
    });
    expect(answer).toBe('klaar');
    expect(await s.meetings.get(m.id)).toEqual(m);
    expect(await s.participants.count(m.id)).toBe(1);
  });

  it('rolls everything back when fn throws, and passes the error on', async () => {
    const s = openTestStore();
    store = s;
    const m = meetingRecord();
    const before = await s.dump();
    await expect(
      s.transaction(async (tx) => {
        await tx.meetings.insert(m);
        await tx.agenda.insert(m.id, { id: newId(), title: 'Punt', body: '' });
        throw new Error('halverwege mis');
      }),
    ).rejects.toThrow('halverwege mis');
    expect(await s.meetings.get(m.id)).toBeUndefined();
    expect(await s.dump()).toEqual(before);
  });

  it('is not seen from outside before it commits; a write outside it is not rolled back with it', async () => {
    const s = openTestStore();
    store = s;
    const inside = meetingRecord();
    const outside = meetingRecord();
    const step = gate();
    const tx = s.transaction(async (t) => {
      await t.meetings.insert(inside);
      await step.opened;
      throw new Error('terug');
    });
    await turns();
    // Started while the transaction is open (it holds an uncommitted insert).
    const read = s.meetings.get(inside.id);
    const write = s.meetings.insert(outside);
    await turns();
    step.open();
    await expect(tx).rejects.toThrow('terug');
    await write;
    expect(await read).toBeUndefined();
    expect(await s.meetings.get(inside.id)).toBeUndefined();
    expect(await s.meetings.get(outside.id)).toEqual(outside);
  });

  it('is serializable: twenty read-check-writes at once, awaiting in between, lose nothing', async () => {
    const s = openTestStore();
    store = s;
    const m = meetingRecord();
    await s.meetings.insert(m);
    const activity = {
      id: newId(),
      meetingId: m.id,
      agendaItemId: null,
      anonymous: false,
      status: 'draft' as const,
      revealed: false,
      spec: { kind: 'words' as const, question: 'Woord?', maxWords: 1 },
      createdAt: 1,
      updatedAt: 1,
    };
    await s.activities.insert(activity);
    // A counter in a row: read it, give other flows every chance to run, write it plus one.
    const bump = () =>
      s.transaction(async (tx) => {
        const n = ((await tx.curation.get(activity.id)) as number | undefined) ?? 0;
        await turns(2);
        await tx.curation.set(activity.id, n + 1);
      });
    // And a capacity: at most three rows, counted and inserted with awaits in between.
    const joinIfRoom = (i: number) =>
      s.transaction(async (tx) => {
        if ((await tx.participants.count(m.id)) >= 3) return false;
        await turns(2);
        await tx.participants.insert({
          id: `p${i}`,
          meetingId: m.id,
          name: `P${i}`,
          orgType: null,
          tokenHash: `t${i}`,
          createdAt: i,
        });
        return true;
      });
    const joined = await Promise.all([
      ...Array.from({ length: 20 }, bump),
      ...Array.from({ length: 10 }, (_, i) => joinIfRoom(i)),
    ]);
    expect(await s.curation.get(activity.id)).toBe(20);
    expect(joined.filter((j) => j === true)).toHaveLength(3);
    expect(await s.participants.count(m.id)).toBe(3);
  });

  it('nested: a savepoint; a throw undoes only the inner writes, and the outer may carry on', async () => {
    const s = openTestStore();
    store = s;
    const taken = meetingRecord();
    await s.meetings.insert(taken);
    const m = meetingRecord();
    const other = meetingRecord();
    await s.transaction(async (tx) => {
      await tx.meetings.insert(other);
      // A code that is taken: the insert fails inside its savepoint, the transaction goes on.
      await expect(tx.transaction((sp) => sp.meetings.insert({ ...m, code: taken.code }))).rejects.toThrow(
        CodeTakenError,
      );
      await expect(
        tx.transaction(async (sp) => {
          await sp.agenda.insert(other.id, { id: 'weg', title: 'Weg', body: '' });
          throw new Error('binnenin');
        }),
      ).rejects.toThrow('binnenin');
      await tx.transaction((sp) => sp.meetings.insert(m));
    });
    expect(await s.meetings.get(m.id)).toEqual(m);
    expect(await s.meetings.get(other.id)).toEqual(other);
    expect(await s.agenda.list(other.id)).toEqual([]);
  });

  it('refuses calls through tx once the transaction has ended', async () => {
    const s = openTestStore();
    store = s;
    let kept: Store | undefined;
    await s.transaction(async (tx) => {
      kept = tx;
    });
    await expect(kept!.meetings.insert(meetingRecord())).rejects.toThrow(/ended/);
    expect((await s.dump()).meetings).toEqual([]);
  });
});
