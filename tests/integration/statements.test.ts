import { afterEach, describe, expect, it } from 'vitest';
import type { StatementsResults } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import type { StatementsSpec } from '../../shared/protocol/schemas/activity';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
import { call, ok, raw, startServer, type TestServer, waitFor } from '../helpers/server';
import { createActivity, flush, record, resultsFor, snapshotOf, submit } from '../helpers/toolkit';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const SPEC: StatementsSpec = {
  kind: 'statements',
  question: 'Wat vind je van deze stellingen?',
  statements: [
    'Vrolijk aan de slag, die kaders komen later wel',
    'Gemeenten moeten eerst heldere kaders stellen',
  ],
  labels: { agree: 'Eens', neutral: 'Neutraal', disagree: 'Oneens' },
  neutral: true,
};
const pos = ['agree', 'neutral', 'disagree'] as const;

describe('statements (stellingen)', () => {
  it('[STMT1][STMT2][STMT4] 30 participants answer two statements; the tally is exact, per statement', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 30);
    const act = await createActivity(facilitator, SPEC);
    const final = waitFor<StatementsResults>(facilitator, 'results:updated', (r) => r.total === 30, 10_000);
    // Person i: statement 1 = pos[i % 3]; statement 2 skipped by every fifth person, else pos[(i+1) % 3].
    const acks = await Promise.all(
      people.map((p, i) =>
        submit(p.socket, act.id, {
          answers: [
            { position: pos[i % 3], ...(i < 2 ? { note: `Toelichting ${i}` } : {}) },
            i % 5 === 0 ? null : { position: pos[(i + 1) % 3] },
          ],
        }),
      ),
    );
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    const r = await final;
    expect(r.statements[0]).toMatchObject({ agree: 10, neutral: 10, disagree: 10, answered: 30 });
    // Statement 2: i%5 != 0 → 24 answers; positions of (i+1)%3 over those i.
    const expected = { agree: 0, neutral: 0, disagree: 0 };
    for (let i = 0; i < 30; i++) if (i % 5 !== 0) expected[pos[(i + 1) % 3]!] += 1;
    expect(r.statements[1]).toMatchObject({ ...expected, answered: 24 });
    expect(r.statements[0]!.notes).toEqual([
      { position: 'agree', text: 'Toelichting 0', author: 'Deelnemer 1' },
      { position: 'neutral', text: 'Toelichting 1', author: 'Deelnemer 2' },
    ]);
  });

  it('[STMT3] one answer per participant: a second tab, a reconnect and a retried command replace, never add', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const act = await createActivity(facilitator, SPEC);
    const tab2 = await srv.connect(meeting.code, ann!.token);
    const cmd = newId();
    const v1 = { answers: [{ position: 'agree' }, null] };
    expect((await submit(ann!.socket, act.id, v1, { id: cmd })).ok).toBe(true);
    expect((await submit(ann!.socket, act.id, v1, { id: cmd })).ok).toBe(true);
    expect(
      (await submit(tab2, act.id, { answers: [{ position: 'disagree' }, { position: 'agree' }] })).ok,
    ).toBe(true);
    ann!.socket.disconnect();
    const back = await srv.connect(meeting.code, ann!.token);
    expect((await snapshotOf(back)).mine[0]?.value).toEqual({
      answers: [{ position: 'disagree' }, { position: 'agree' }],
    });
    const r = await resultsFor<StatementsResults>(facilitator, act.id);
    expect(r?.total).toBe(1);
    expect(r?.statements[0]).toMatchObject({ agree: 0, disagree: 1, answered: 1 });
    expect(r?.statements[1]).toMatchObject({ agree: 1, answered: 1 });
  });

  it('[STMT5] hidden until reveal: participants and observers receive no answers or results, then the diverging counts', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert] = await joinMany(srv, meeting.code, 2);
    const observer = await srv.connect(meeting.code);
    const act = await createActivity(facilitator, SPEC, { anonymous: true });
    const seen = [ann!, bert!].map((p) =>
      record(p.socket, ['results:updated', 'activity:progress', 'response:mine']),
    );
    // [POLL8] Observers (the screen) do hear progress: counts, no answers.
    const obs = record(observer, ['results:updated', 'response:mine']);
    const staffSaw = waitFor<StatementsResults>(facilitator, 'results:updated', (r) => r.total === 1);
    await submit(ann!.socket, act.id, { answers: [{ position: 'agree', note: 'geheim' }, null] });
    await staffSaw;
    // A round-trip on each socket: whatever the server sent it before is delivered by now.
    await flush(ann!.socket, bert!.socket, observer);
    // Ann sees her own answer echoed; Bert and the observer see nothing of it.
    expect(seen[0]!.map((e) => e.event)).toEqual(['response:mine']);
    expect(seen[1]).toEqual([]);
    expect(obs).toEqual([]);
    expect((await snapshotOf(bert!.socket)).results).toEqual([]);
    expect(JSON.stringify(await snapshotOf(bert!.socket))).not.toContain('geheim');

    const revealed = waitFor<StatementsResults>(bert!.socket, 'results:updated');
    await ok(facilitator, 'activity:reveal', { id: act.id });
    const r = await revealed;
    expect(r.statements[0]).toMatchObject({ agree: 1, neutral: 0, disagree: 0 });
    // Anonymous: the explanation comes without its author, also to the facilitator.
    expect(r.statements[0]!.notes).toEqual([{ position: 'agree', text: 'geheim' }]);
    expect(JSON.stringify(await resultsFor(facilitator, act.id))).not.toContain('Deelnemer');
  });

  it('[STMT2][STMT6] roles are checked and malformed answers are refused without changing anything', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const secretary = await srv.connect(meeting.code, meeting.secretaryToken);
    const observer = await srv.connect(meeting.code);
    const forced = await createActivity(facilitator, { ...SPEC, neutral: false });
    for (const s of [ann!.socket, secretary, observer]) {
      for (const ev of ['activity:open', 'activity:close', 'activity:reveal', 'activity:remove'] as const) {
        expect(await call(s, ev, { id: forced.id })).toMatchObject({ ok: false, error: 'forbidden' });
      }
      expect(
        await call(s, 'activity:create', { id: newId(), agendaItemId: null, anonymous: false, spec: SPEC }),
      ).toMatchObject({ ok: false, error: 'forbidden' });
    }
    for (const s of [secretary, observer, facilitator]) {
      expect(await submit(s, forced.id, { answers: [{ position: 'agree' }, null] })).toMatchObject({
        ok: false,
        error: 'forbidden',
      });
    }
    const bad: unknown[] = [
      { answers: [{ position: 'agree' }] }, // one answer for two statements
      { answers: [null, null] }, // nothing answered
      { answers: [{ position: 'neutral' }, null] }, // no neutral on this one
      { answers: [{ position: 'maybe' }, null] },
      { answers: [{ position: 'agree', note: 'x'.repeat(501) }, null] },
      { answers: [{ position: 'agree', extra: 1 }, null] },
      { answers: 'eens' },
      { level: 1 },
      null,
    ];
    for (const value of bad) {
      const r = await submit(ann!.socket, forced.id, value);
      expect(r, JSON.stringify(value)).toMatchObject({ ok: false, error: 'invalid_payload' });
    }
    // A separate note is refused: explanations go with each statement.
    expect(
      await submit(ann!.socket, forced.id, { answers: [{ position: 'agree' }, null] }, { note: 'los' }),
    ).toMatchObject({ ok: false, error: 'invalid_payload' });
    const badSpecs: unknown[] = [
      { ...SPEC, statements: [] },
      { ...SPEC, statements: Array(21).fill('s') },
      { ...SPEC, statements: ['x'.repeat(301)] },
      { ...SPEC, labels: { agree: '', neutral: 'n', disagree: 'o' } },
      { ...SPEC, labels: { agree: 'e', disagree: 'o' } },
      { ...SPEC, neutral: 'ja' },
    ];
    for (const spec of badSpecs) {
      expect(
        await raw(facilitator, 'activity:create', {
          id: newId(),
          agendaItemId: null,
          anonymous: false,
          spec,
        }),
      ).toMatchObject({ ok: false, error: 'invalid_payload' });
    }
    const snap = await snapshotOf(facilitator);
    expect(snap.activities).toHaveLength(1);
    expect((snap.results[0] as StatementsResults).total).toBe(0);
  });

  it('[STMT7][MEET8] answers, labels and reveal survive a server restart', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 3);
    const act = await createActivity(facilitator, {
      ...SPEC,
      labels: { agree: 'Helemaal mee eens', neutral: 'Weet niet', disagree: 'Niet mee eens' },
    });
    for (const [i, p] of people.entries()) {
      expect((await submit(p.socket, act.id, { answers: [{ position: pos[i] }, null] })).ok).toBe(true);
    }
    await ok(facilitator, 'activity:reveal', { id: act.id });
    const before = await snapshotOf(facilitator);
    await srv.restart();
    const fac2 = await srv.connect(meeting.code, meeting.facilitatorToken);
    const after = await snapshotOf(fac2);
    expect(after.activities).toEqual(before.activities);
    expect(after.results).toEqual(before.results);
    const ann = await srv.connect(meeting.code, people[0]!.token);
    const annView = await snapshotOf(ann);
    expect((annView.results[0] as StatementsResults).statements[0]).toMatchObject({
      agree: 1,
      neutral: 1,
      disagree: 1,
    });
  });
});
