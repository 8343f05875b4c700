import { afterEach, describe, expect, it } from 'vitest';
import type { ChoiceResults } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import type { ChoiceSpec } from '../../shared/protocol/schemas/activity';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
import { call, ok, raw, startServer, type TestServer, waitFor } from '../helpers/server';
import { createActivity, flush, record, resultsFor, snapshotOf, submit } from '../helpers/toolkit';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const KADERS = ['Gelijkwaardigheid', 'Vertrouwen', 'Transparantie', 'Duidelijke rollen'];
const spec = (mode: ChoiceSpec['mode'], extra: Partial<ChoiceSpec> = {}): ChoiceSpec => ({
  kind: 'choice',
  question: 'Welke kaders zijn het belangrijkst in de samenwerking?',
  options: KADERS,
  mode,
  ...extra,
});

describe('choice and ranking', () => {
  it('[CHOICE1][CHOICE4] single choice with 24 participants: exact counts and the ordered ranking', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 24);
    const act = await createActivity(facilitator, spec('single'));
    // 10 × Gelijkwaardigheid, 8 × Vertrouwen, 4 × Transparantie, 2 × Duidelijke rollen.
    const pick = (i: number) => (i < 10 ? 0 : i < 18 ? 1 : i < 22 ? 2 : 3);
    const final = waitFor<ChoiceResults>(facilitator, 'results:updated', (r) => r.total === 24, 10_000);
    const acks = await Promise.all(people.map((p, i) => submit(p.socket, act.id, { selected: [pick(i)] })));
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    const r = await final;
    expect(r.options.map((o) => o.count)).toEqual([10, 8, 4, 2]);
    expect(r.ranking.map((e) => [e.place, KADERS[e.index], e.score])).toEqual([
      [1, 'Gelijkwaardigheid', 10],
      [2, 'Vertrouwen', 8],
      [3, 'Transparantie', 4],
      [4, 'Duidelijke rollen', 2],
    ]);
  });

  it('[CHOICE2][CHOICE4] multiple choice (max 2), ranking by order (Borda) and dividing points', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 12);
    const multi = await createActivity(facilitator, spec('multiple', { maxChoices: 2 }));
    const rank = await createActivity(facilitator, spec('rank'));
    const points = await createActivity(facilitator, spec('points', { budget: 10 }));
    await Promise.all(
      people.map(async (p, i) => {
        const a = await submit(p.socket, multi.id, { selected: i % 2 === 0 ? [0, 1] : [1] });
        // Half put Gelijkwaardigheid first, half Vertrouwen; Transparantie third, Duidelijke rollen last.
        const b = await submit(p.socket, rank.id, { order: i % 2 === 0 ? [0, 1, 2, 3] : [1, 0, 2, 3] });
        const c = await submit(p.socket, points.id, { points: i < 4 ? [10, 0, 0, 0] : [2, 6, 1, 0] });
        expect([a.ok, b.ok, c.ok]).toEqual([true, true, true]);
      }),
    );
    const m = await resultsFor<ChoiceResults>(facilitator, multi.id);
    expect(m?.options.map((o) => o.count)).toEqual([6, 12, 0, 0]);
    expect(m?.ranking[0]).toMatchObject({ index: 1, place: 1, score: 12 });
    const r = await resultsFor<ChoiceResults>(facilitator, rank.id);
    // First of 4 gets 4 points, second 3 … : both 6×4 + 6×3 = 42, a shared first place.
    expect(r?.options.map((o) => o.score)).toEqual([42, 42, 24, 12]);
    expect(r?.ranking.map((e) => e.place)).toEqual([1, 1, 3, 4]);
    expect(r?.options.map((o) => o.count)).toEqual([6, 6, 0, 0]);
    expect(r?.options.map((o) => o.averagePlace)).toEqual([1.5, 1.5, 3, 4]);
    const pts = await resultsFor<ChoiceResults>(facilitator, points.id);
    expect(pts?.options.map((o) => o.score)).toEqual([4 * 10 + 8 * 2, 8 * 6, 8, 0]);
    expect(pts?.ranking.map((e) => KADERS[e.index])).toEqual([
      'Gelijkwaardigheid',
      'Vertrouwen',
      'Transparantie',
      'Duidelijke rollen',
    ]);
  });

  it('[CHOICE3] one answer per participant: changing the ranking replaces it', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const act = await createActivity(facilitator, spec('rank'));
    const tab2 = await srv.connect(meeting.code, ann!.token);
    const id = newId();
    expect((await submit(ann!.socket, act.id, { order: [3, 2, 1, 0] }, { id })).ok).toBe(true);
    expect((await submit(ann!.socket, act.id, { order: [3, 2, 1, 0] }, { id })).ok).toBe(true);
    expect(
      (await submit(tab2, act.id, { order: [0, 1, 2, 3] }, { note: 'Gelijkwaardigheid voorop' })).ok,
    ).toBe(true);
    const r = await resultsFor<ChoiceResults>(facilitator, act.id);
    expect(r?.total).toBe(1);
    expect(r?.options.map((o) => o.score)).toEqual([4, 3, 2, 1]);
    expect(r?.notes).toEqual([{ text: 'Gelijkwaardigheid voorop', author: 'Deelnemer 1' }]);
  });

  it('[CHOICE5] hidden until reveal, then live to everyone; roles checked', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert] = await joinMany(srv, meeting.code, 2);
    const observer = await srv.connect(meeting.code);
    const secretary = await srv.connect(meeting.code, meeting.secretaryToken);
    const act = await createActivity(facilitator, spec('single'));
    const leaks = [
      record(bert!.socket, ['results:updated', 'activity:progress']),
      // [POLL8] Observers (the screen) do hear progress: counts, no answers.
      record(observer, ['results:updated']),
    ];
    const staff = waitFor<ChoiceResults>(secretary, 'results:updated', (r) => r.total === 1);
    await submit(ann!.socket, act.id, { selected: [2] }, { note: 'niet voor iedereen' });
    await staff;
    await flush(bert!.socket, observer);
    expect(leaks).toEqual([[], []]);
    for (const s of [ann!.socket, secretary, observer]) {
      expect(await call(s, 'activity:reveal', { id: act.id })).toMatchObject({
        ok: false,
        error: 'forbidden',
      });
    }
    expect(await submit(observer, act.id, { selected: [1] })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    const got = waitFor<ChoiceResults>(observer, 'results:updated');
    await ok(facilitator, 'activity:reveal', { id: act.id });
    expect((await got).options[2]?.count).toBe(1);
    const live = waitFor<ChoiceResults>(bert!.socket, 'results:updated', (r) => r.total === 2);
    await submit(bert!.socket, act.id, { selected: [2] });
    expect((await live).ranking[0]).toMatchObject({ index: 2, score: 2, place: 1 });
  });

  it('[CHOICE2][CHOICE6] malformed answers and specs are refused with a clear error and change nothing', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const single = await createActivity(facilitator, spec('single'));
    const multi = await createActivity(facilitator, spec('multiple', { maxChoices: 2 }));
    const rank = await createActivity(facilitator, spec('rank'));
    const points = await createActivity(facilitator, spec('points', { budget: 5 }));
    const bad: [string, unknown][] = [
      [single.id, { selected: [0, 1] }],
      [single.id, { selected: [4] }],
      [single.id, { selected: [] }],
      [single.id, { order: [0, 1, 2, 3] }],
      [single.id, { selected: [0], order: [0, 1, 2, 3] }],
      [single.id, { selected: ['0'] }],
      [multi.id, { selected: [0, 1, 2] }],
      [multi.id, { selected: [1, 1] }],
      [rank.id, { order: [0, 1, 2] }],
      [rank.id, { order: [0, 1, 2, 2] }],
      [rank.id, { order: [0, 1, 2, 9] }],
      [points.id, { points: [5, 1, 0, 0] }],
      [points.id, { points: [0, 0, 0, 0] }],
      [points.id, { points: [1, 1, 1] }],
      [points.id, { points: [-1, 3, 0, 0] }],
      [points.id, { points: [1.5, 0, 0, 0] }],
      [points.id, {}],
      [points.id, 'alles'],
    ];
    for (const [id, value] of bad) {
      expect(await submit(ann!.socket, id, value), JSON.stringify(value)).toMatchObject({
        ok: false,
        error: 'invalid_payload',
      });
    }
    const badSpecs: unknown[] = [
      spec('single', { options: ['alleen'] }),
      spec('single', { options: Array.from({ length: 21 }, (_, i) => `optie ${i}`) }),
      spec('multiple', { maxChoices: 5 }),
      spec('single', { options: ['Vertrouwen', 'vertrouwen'] }),
      { ...spec('single'), mode: 'quiz' },
      spec('points', { budget: 0 }),
      spec('points', { budget: 100_000 }),
    ];
    for (const s of badSpecs) {
      expect(
        await raw(facilitator, 'activity:create', {
          id: newId(),
          agendaItemId: null,
          anonymous: false,
          spec: s,
        }),
        JSON.stringify(s).slice(0, 80),
      ).toMatchObject({ ok: false, error: 'invalid_payload' });
    }
    const snap = await snapshotOf(facilitator);
    expect(snap.activities).toHaveLength(4);
    expect(snap.results.every((r) => (r as ChoiceResults).total === 0)).toBe(true);
  });

  it('[CHOICE7][MEET8] answers and rankings survive a server restart', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 3);
    const act = await createActivity(facilitator, spec('rank'));
    for (const p of people) expect((await submit(p.socket, act.id, { order: [0, 1, 3, 2] })).ok).toBe(true);
    await ok(facilitator, 'activity:close', { id: act.id });
    const before = await resultsFor<ChoiceResults>(facilitator, act.id);
    await srv.restart();
    const fac2 = await srv.connect(meeting.code, meeting.facilitatorToken);
    expect(await resultsFor<ChoiceResults>(fac2, act.id)).toEqual(before);
    expect((await snapshotOf(fac2)).activities[0]?.status).toBe('closed');
  });
});
