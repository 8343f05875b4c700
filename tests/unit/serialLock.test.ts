import { describe, expect, it } from 'vitest';
import { SerialLock } from '../../server/storage/sqlite/serial';

/** A call that logs its start and its end, and ends when the test says so. */
function step(log: string[], name: string) {
  let finish!: () => void;
  const finished = new Promise<void>((r) => {
    finish = r;
  });
  const call = async () => {
    log.push(`${name}+`);
    await finished;
    log.push(`${name}-`);
    return name;
  };
  return { call, finish };
}

const turns = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('SerialLock (the SQLite store takes turns on its one connection)', () => {
  it('a transaction waits for plain calls in flight, holds the connection alone, then lets the queue go in order', async () => {
    const lock = new SerialLock();
    const log: string[] = [];
    const a = step(log, 'a');
    const b = step(log, 'b');
    const tx = step(log, 'tx');
    const c = step(log, 'c');
    const pa = lock.shared(a.call);
    const pb = lock.shared(b.call);
    const ptx = lock.exclusive(tx.call);
    const pc = lock.shared(c.call);
    await turns();
    // a and b run side by side; the transaction waits for them; c waits behind the transaction.
    expect(log).toEqual(['a+', 'b+']);
    a.finish();
    await turns();
    expect(log).toEqual(['a+', 'b+', 'a-']);
    b.finish();
    await turns();
    expect(log).toEqual(['a+', 'b+', 'a-', 'b-', 'tx+']);
    tx.finish();
    await turns();
    expect(log).toEqual(['a+', 'b+', 'a-', 'b-', 'tx+', 'tx-', 'c+']);
    c.finish();
    expect(await Promise.all([pa, pb, ptx, pc])).toEqual(['a', 'b', 'tx', 'c']);
  });

  it('a failing call (thrown or rejected) passes its error on and frees the lock', async () => {
    const lock = new SerialLock();
    await expect(
      lock.exclusive(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await expect(lock.exclusive(async () => Promise.reject(new Error('async')))).rejects.toThrow('async');
    await expect(lock.shared(async () => Promise.reject(new Error('plain')))).rejects.toThrow('plain');
    expect(await lock.exclusive(async () => 'vrij')).toBe('vrij');
    expect(await lock.shared(async () => 'ook vrij')).toBe('ook vrij');
  });

  it('two transactions never overlap', async () => {
    const lock = new SerialLock();
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        lock.exclusive(async () => {
          inside++;
          most = Math.max(most, inside);
          await turns(2);
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
  });
});
