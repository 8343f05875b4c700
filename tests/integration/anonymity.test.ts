import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids';
import type { PayloadOf } from '../../shared/protocol/commands';
import { dumpDatabase } from '../helpers/dbState';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
import { ok, startServer, type TestServer, type TestSocket } from '../helpers/server';

/**
 * [PRIV1] Anonymous activities of every kind: no client — not the other participants, not the
 * observer, not even facilitator or secretary — receives who answered what, in any results
 * payload, live or in a snapshot, before or after the reveal. The stored answer keeps its author
 * only as the key that makes "one answer per participant" hold.
 */
let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const KINDS: { spec: PayloadOf<'activity:create'>['spec']; value: (i: number) => unknown; note?: boolean }[] =
  [
    {
      spec: { kind: 'scale', question: 'Hoe tevreden?', levels: ['laag', 'midden', 'hoog'] },
      value: (i) => ({ level: i % 3 }),
      note: true,
    },
    {
      spec: {
        kind: 'statements',
        question: 'Stellingen',
        statements: ['Vrolijk aan de slag, die kaders komen later wel'],
        labels: { agree: 'Eens', neutral: 'Neutraal', disagree: 'Oneens' },
        neutral: true,
      },
      value: (i) => ({ answers: [{ position: i % 2 ? 'agree' : 'disagree', note: `Geheime uitleg ${i}` }] }),
    },
    {
      spec: {
        kind: 'choice',
        question: 'Welke kaders?',
        options: ['Gelijkwaardigheid', 'Vertrouwen', 'Ruimte'],
        mode: 'rank',
      },
      value: (i) => ({ order: i % 2 ? [0, 1, 2] : [1, 0, 2] }),
      note: true,
    },
    {
      spec: { kind: 'words', question: 'Eén woord?', maxWords: 2 },
      value: (i) => ({ words: [`woord${i % 3}`] }),
    },
  ];

describe('anonymity', () => {
  for (const kind of KINDS) {
    it(`[PRIV1] anonymous ${kind.spec.kind}: no author reaches any client`, async () => {
      srv = await startServer();
      const { meeting, facilitator } = await meetingWithFacilitator(srv);
      const secretary = await srv.connect(meeting.code, meeting.secretaryToken);
      const observer = await srv.connect(meeting.code);
      const people = await joinMany(srv, meeting.code, 6, 'Anoniem-persoon');
      const received: string[] = [];
      const listen = (s: TestSocket) =>
        (s as unknown as { onAny(fn: (event: string, ...args: unknown[]) => void): void }).onAny(
          (event, ...args) => {
            if (event !== 'presence:updated') received.push(JSON.stringify([event, args]));
          },
        );
      for (const s of [facilitator, secretary, observer, ...people.map((p) => p.socket)]) listen(s);
      const id = newId();
      await ok(facilitator, 'activity:create', { id, agendaItemId: null, anonymous: true, spec: kind.spec });
      await ok(facilitator, 'activity:open', { id });
      for (const [i, p] of people.entries()) {
        await ok(p.socket, 'response:submit', {
          id: newId(),
          activityId: id,
          value: kind.value(i),
          ...(kind.note ? { note: `Geheime uitleg ${i}` } : {}),
        });
      }
      await ok(facilitator, 'activity:reveal', { id });
      await new Promise((r) => setTimeout(r, 100));
      for (const s of [facilitator, secretary, observer, ...people.map((p) => p.socket)]) {
        const snap = await ok(s, 'session:sync');
        received.push(JSON.stringify(snap.results));
      }
      const results = await (
        await fetch(`${srv.url}/api/meetings/${meeting.id}/results`, {
          headers: { authorization: `Bearer ${meeting.facilitatorToken}` },
        })
      ).json();
      received.push(JSON.stringify(results.activities));
      const everything = received.join('\n');
      // The explanations are there (so the check is looking at real results) …
      if (kind.note || kind.spec.kind === 'statements') expect(everything).toContain('Geheime uitleg 1');
      // … but no name and no participant id anywhere near them.
      expect(everything).not.toContain('Anoniem-persoon');
      for (const p of people) {
        const mine = received.filter((r) => !r.startsWith('["response:mine"'));
        expect(mine.join('\n')).not.toContain(p.participant.id);
      }
      // What storage keeps of the author is the participant key (one answer each), no name copy.
      const stored = JSON.stringify((await dumpDatabase(srv)).responses);
      expect(stored).not.toContain('Anoniem-persoon');
    });
  }
});
