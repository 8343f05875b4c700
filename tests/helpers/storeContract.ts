/** Fixtures of the Store contract test (tests/integration/store-contract.test.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommandKey } from '../../server/storage/applied';
import type { NoteRecord } from '../../server/storage/boardStore';
import { openPgStore } from '../../server/storage/postgres';
import { openSqliteStore } from '../../server/storage/sqlite';
import type { Store } from '../../server/storage/store';
import type { ActivitySpec } from '../../shared/protocol/schemas/activity';
import { freshDatabase, postgresReachable } from './testStore';

/** Whether PostgreSQL is there; with CI=true it must be. */
export async function postgresForContract(): Promise<boolean> {
  const up = await postgresReachable();
  if (!up && process.env.CI === 'true') throw new Error('PostgreSQL is not reachable (CI=true needs it)');
  if (!up) console.warn('store-contract: PostgreSQL not reachable, its half is skipped');
  return up;
}

/** A store, a second handle on the same data (another server), and the clean-up. */
export type Opened = { store: Store; again(): Promise<Store>; dispose(): Promise<void> };
export const storesUnderTest = (pgUp: boolean): { name: string; up: boolean; open(): Promise<Opened> }[] => [
  {
    name: 'sqlite',
    up: true,
    async open() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-contract-'));
      const store = openSqliteStore(dir);
      return { store, again: async () => openSqliteStore(dir), dispose: () => store.close() };
    },
  },
  {
    name: 'postgres',
    up: pgUp,
    async open() {
      const db = await freshDatabase();
      const store = await openPgStore(db.url);
      return {
        store,
        again: () => openPgStore(db.url),
        async dispose() {
          await store.close();
          await db.drop();
        },
      };
    },
  },
];

export const T0 = 1_764_000_000_123;
let n = 0;
export const uid = (p: string) => `${p}-${++n}`;
const spec = {
  kind: 'scale',
  question: 'Hoe tevreden?',
  levels: ['laag', 'hoog'],
} as unknown as ActivitySpec;

/** A meeting with one participant and one open activity. */
export async function meeting(store: Store) {
  const id = uid('m');
  await store.meetings.insert({
    id,
    code: uid('C'),
    title: 'Begeleidingsgroep',
    date: '2021-03-31',
    createdAt: T0,
    facilitatorTokenHash: 'f',
    secretaryTokenHash: 's',
    currentItemId: null,
  });
  const p = uid('p');
  await store.participants.insert({
    id: p,
    meetingId: id,
    name: 'An',
    orgType: null,
    tokenHash: uid('h'),
    createdAt: T0,
  });
  const a = uid('a');
  const act = {
    id: a,
    meetingId: id,
    agendaItemId: null,
    anonymous: false,
    status: 'open' as const,
    revealed: false,
  };
  await store.activities.insert({ ...act, spec, createdAt: T0, updatedAt: T0 });
  const key = (commandId: string, actor = p): CommandKey => ({ meetingId: id, actor, commandId });
  return { id, p, a, key };
}

/** A break-out board with one post-it. */
export async function board(store: Store, m: Awaited<ReturnType<typeof meeting>>) {
  const boardId = uid('b');
  await store.breakouts.addBoards([
    {
      id: boardId,
      activityId: m.a,
      roomId: null,
      questionIndex: 0,
      locked: false,
      anonymous: false,
      votingOpen: true,
      voteLimit: 3,
      votesRevealed: false,
      createdAt: T0,
    },
  ]);
  const note = (id = uid('n'), at = T0): Omit<NoteRecord, 'authorName'> => ({
    id,
    boardId,
    authorId: m.p,
    byStaff: false,
    text: 'Meer groen',
    colour: 'geel',
    x: 10,
    y: 20,
    themeId: null,
    originId: null,
    roomLabel: null,
    version: 1,
    deleted: false,
    createdAt: at,
    updatedAt: at,
  });
  return { boardId, note };
}
