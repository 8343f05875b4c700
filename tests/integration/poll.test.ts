import { afterEach, describe, expect, it } from 'vitest';
import type { ScaleResults } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import type { Progress } from '../../shared/domain/types';
import { joinMany, meetingWithFacilitator, openScalePoll } from '../helpers/fixtures';
import { call, ok, raw, startServer, type TestServer, type TestSocket, waitFor } from '../helpers/server';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const answer = (s: TestSocket, activityId: string, level: number, note?: string, id = newId()) =>
  call(s, 'response:submit', { id, activityId, value: { level }, ...(note !== undefined ? { note } : {}) });

const resultsOf = async (s: TestSocket, activityId: string) =>
  (await ok(s, 'session:sync')).results.find((r) => r.activityId === activityId) as ScaleResults | undefined;

describe('the satisfaction-scale poll', () => {
  it('[POLL1][POLL4][POLL6][POLL8] 40 participants answer; the facilitator tally is exact, progress is live', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 40);
    const poll = await openScalePoll(facilitator);
    expect(poll.status).toBe('open');
    expect(poll.spec).toMatchObject({
      levels: ['Helemaal niet tevreden', 'Beetje tevreden', 'Enigszins tevreden', 'Zeer tevreden'],
    });
    const finalProgress = waitFor<Progress>(
      facilitator,
      'activity:progress',
      (p) => p.answered === 40,
      10_000,
    );
    const finalTally = waitFor<ScaleResults>(facilitator, 'results:updated', (r) => r.total === 40, 10_000);
    const acks = await Promise.all(
      people.map((p, i) =>
        answer(p.socket, poll.id, i % 4, i % 5 === 0 ? `Toelichting van ${p.participant.name}` : undefined),
      ),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    expect((await finalProgress).total).toBe(40);
    const tally = await finalTally;
    expect(tally.counts).toEqual([10, 10, 10, 10]);
    expect(tally.notes).toHaveLength(8);
    // Grouped by level, in the order of answering within a level.
    expect(tally.notes.map((n) => n.level)).toEqual([...tally.notes.map((n) => n.level)].sort());
    expect(tally.notes[0]).toMatchObject({
      level: 0,
      text: 'Toelichting van Deelnemer 1',
      author: 'Deelnemer 1',
    });
  });

  it('[POLL5] a second answer from another tab, after a reconnect, or a retried command never double counts', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const poll = await openScalePoll(facilitator);
    const secondTab = await srv.connect(meeting.code, ann!.token);
    const echoed = waitFor<{ activityId: string; response: { value: { level: number } } }>(
      secondTab,
      'response:mine',
    );
    const cmd = newId();
    expect((await answer(ann!.socket, poll.id, 1, 'eerste', cmd)).ok).toBe(true);
    expect((await echoed).response.value.level).toBe(1);
    // The very same command again (a retry after a lost ack): applied once.
    expect(await answer(ann!.socket, poll.id, 1, 'eerste', cmd)).toMatchObject({
      ok: true,
      data: { id: cmd },
    });
    // The second tab changes the answer: replaced, not added.
    expect((await answer(secondTab, poll.id, 3, 'toch tevreden')).ok).toBe(true);
    // Reconnect and answer again.
    ann!.socket.disconnect();
    const back = await srv.connect(meeting.code, ann!.token);
    const mine = await ok(back, 'session:sync');
    expect(mine.mine).toEqual([
      expect.objectContaining({ activityId: poll.id, value: { level: 3 }, note: 'toch tevreden' }),
    ]);
    expect((await answer(back, poll.id, 2)).ok).toBe(true);
    const r = await resultsOf(facilitator, poll.id);
    expect(r?.counts).toEqual([0, 0, 1, 0]);
    expect(r?.total).toBe(1);
    // Rejoining over HTTP with the stored token is the same participant too.
    const rejoined = await srv.join(meeting.code, 'Ann', { token: ann!.token });
    expect(rejoined.participant.id).toBe(ann!.participant.id);
    // Retract while open.
    expect((await call(back, 'response:retract', { activityId: poll.id })).ok).toBe(true);
    expect((await resultsOf(facilitator, poll.id))?.total).toBe(0);
  });

  it('[POLL3][POLL7] participants cannot open, close or reveal, and get no results or answers before reveal', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert] = await joinMany(srv, meeting.code, 2);
    const secretary = await srv.connect(meeting.code, meeting.secretaryToken);
    const observer = await srv.connect(meeting.code);
    const poll = await openScalePoll(facilitator);
    const leaks: string[] = [];
    for (const s of [ann!.socket, bert!.socket, observer]) {
      s.on('results:updated', () => leaks.push('results'));
    }
    // [POLL8] The screen (an observer) hears how many answered; participants do not.
    for (const s of [ann!.socket, bert!.socket]) s.on('activity:progress', () => leaks.push('progress'));
    bert!.socket.on('response:mine', () => leaks.push('mine of another'));
    for (const s of [ann!.socket, observer, secretary]) {
      for (const ev of [
        'activity:open',
        'activity:close',
        'activity:reveal',
        'activity:hide',
        'activity:remove',
      ] as const) {
        expect(await call(s, ev, { id: poll.id })).toMatchObject({ ok: false, error: 'forbidden' });
      }
    }
    expect(
      await call(observer, 'response:submit', { id: newId(), activityId: poll.id, value: { level: 1 } }),
    ).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    const staffSaw = waitFor<ScaleResults>(secretary, 'results:updated', (r) => r.total === 1);
    expect((await answer(ann!.socket, poll.id, 2, 'geheim tot onthulling')).ok).toBe(true);
    await staffSaw;
    expect((await ok(bert!.socket, 'session:sync')).results).toEqual([]);
    expect((await ok(observer, 'session:sync')).results).toEqual([]);
    expect(leaks).toEqual([]);

    // Reveal: everyone gets results, and later answers live.
    const revealed = waitFor<ScaleResults>(bert!.socket, 'results:updated');
    const view = await ok(facilitator, 'activity:reveal', { id: poll.id });
    expect(view.revealed).toBe(true);
    expect((await revealed).counts).toEqual([0, 0, 1, 0]);
    const live = waitFor<ScaleResults>(observer, 'results:updated', (r) => r.total === 2);
    await answer(bert!.socket, poll.id, 0);
    expect((await live).counts).toEqual([1, 0, 1, 0]);

    // Close: no more answers.
    await ok(facilitator, 'activity:close', { id: poll.id });
    expect(await answer(ann!.socket, poll.id, 3)).toMatchObject({ ok: false, error: 'closed' });

    // Hide again: participants are told to drop results.
    const hidden = waitFor(ann!.socket, 'results:hidden');
    await ok(facilitator, 'activity:hide', { id: poll.id });
    await hidden;
    expect((await ok(ann!.socket, 'session:sync')).results).toEqual([]);
  });

  it('[POLL6] an anonymous poll never carries author names, not even to the facilitator', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const poll = await openScalePoll(facilitator, { anonymous: true });
    await answer(ann!.socket, poll.id, 1, 'anoniem');
    await ok(facilitator, 'activity:reveal', { id: poll.id });
    const r = await resultsOf(ann!.socket, poll.id);
    expect(r?.notes).toEqual([{ level: 1, text: 'anoniem' }]);
    expect(JSON.stringify(await resultsOf(facilitator, poll.id))).not.toContain('Deelnemer');
    expect(await call(facilitator, 'activity:update', { id: poll.id, anonymous: false })).toMatchObject({
      ok: false,
      error: 'conflict',
    });
  });

  it('[POLL9] malformed payloads are refused with a clear error and change nothing', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const poll = await openScalePoll(facilitator, { levels: ['laag', 'midden', 'hoog'] });
    const huge = 'x'.repeat(1024 * 1024);
    const bad: [string, unknown][] = [
      ['response:submit', { id: newId(), activityId: poll.id, value: { level: 99 } }],
      ['response:submit', { id: newId(), activityId: poll.id, value: { level: 3 } }],
      ['response:submit', { id: newId(), activityId: poll.id, value: { level: '1' } }],
      ['response:submit', { id: newId(), activityId: poll.id, value: { level: 1.5 } }],
      ['response:submit', { id: newId(), activityId: poll.id, value: { level: 1 }, note: 'x'.repeat(1001) }],
      ['response:submit', { id: newId(), activityId: poll.id, value: { level: 1 }, extra: true }],
      ['response:submit', { id: 'not-a-uuid', activityId: poll.id, value: { level: 1 } }],
      ['response:submit', { id: newId(), activityId: newId(), value: { level: 1 } }],
      ['response:submit', null],
      ['response:submit', 'level 2'],
      ['response:submit', [1, 2, 3]],
      ['participant:update', { name: huge }],
      ['participant:update', { name: '' }],
    ];
    for (const [event, payload] of bad) {
      const r = await raw(ann!.socket, event, payload);
      expect(r.ok, `${event} ${JSON.stringify(payload)?.slice(0, 80)}`).toBe(false);
      if (!r.ok) {
        expect(['invalid_payload', 'not_found']).toContain(r.error);
        expect(r.message.length).toBeGreaterThan(0);
      }
    }
    const badFac: [string, unknown][] = [
      [
        'activity:create',
        {
          id: newId(),
          agendaItemId: null,
          anonymous: false,
          spec: { kind: 'scale', question: 'q', levels: ['een'] },
        },
      ],
      [
        'activity:create',
        {
          id: newId(),
          agendaItemId: null,
          anonymous: false,
          spec: { kind: 'scale', question: 'q', levels: Array(11).fill('x') },
        },
      ],
      [
        'activity:create',
        {
          id: newId(),
          agendaItemId: null,
          anonymous: 'no',
          spec: { kind: 'scale', question: 'q', levels: ['a', 'b'] },
        },
      ],
      [
        'activity:create',
        { id: newId(), agendaItemId: null, anonymous: false, spec: { kind: 'quiz', question: 'q' } },
      ],
      [
        'activity:create',
        {
          id: newId(),
          agendaItemId: null,
          anonymous: false,
          spec: { kind: 'scale', question: huge, levels: ['a', 'b'] },
        },
      ],
      [
        'activity:create',
        {
          id: newId(),
          agendaItemId: newId(),
          anonymous: false,
          spec: { kind: 'scale', question: 'q', levels: ['a', 'b'] },
        },
      ],
      ['agenda:add', { id: newId(), title: 'x', body: 5 }],
      ['meeting:update', { title: '' }],
    ];
    for (const [event, payload] of badFac) {
      const r = await raw(facilitator, event, payload);
      expect(r.ok, `${event}`).toBe(false);
    }
    const snap = await ok(facilitator, 'session:sync');
    expect(snap.activities).toHaveLength(1);
    expect(snap.agenda).toEqual([]);
    expect((snap.results[0] as ScaleResults).total).toBe(0);
    expect(snap.meeting.title).toBe('Begeleidingsgroep 31 maart');
  });

  it('[MEET8] after a server restart on the same database all state is back', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    await ok(facilitator, 'agenda:add', { id: newId(), title: 'Gezamenlijke plaatsbepaling' });
    const people = await joinMany(srv, meeting.code, 3);
    const poll = await openScalePoll(facilitator);
    for (const [i, p] of people.entries())
      expect((await answer(p.socket, poll.id, i, `noot ${i}`)).ok).toBe(true);
    await ok(facilitator, 'activity:reveal', { id: poll.id });
    const before = await ok(facilitator, 'session:sync');

    await srv.restart();

    const fac2 = await srv.connect(meeting.code, meeting.facilitatorToken);
    const after = await ok(fac2, 'session:sync');
    expect(after.meeting).toEqual(before.meeting);
    expect(after.agenda).toEqual(before.agenda);
    expect(after.activities).toEqual(before.activities);
    expect(after.results).toEqual(before.results);
    expect(after.presence.joined).toBe(3);
    // A participant comes back with the token in their browser: same answer, results revealed.
    const ann = await srv.connect(meeting.code, people[0]!.token);
    const annView = await ok(ann, 'session:sync');
    expect(annView.mine).toEqual([expect.objectContaining({ value: { level: 0 }, note: 'noot 0' })]);
    expect((annView.results[0] as ScaleResults).counts).toEqual([1, 1, 1, 0]);
    // The existing client reconnects by itself and can answer again.
    await expect.poll(() => people[1]!.socket.connected, { timeout: 5000 }).toBe(true);
    expect((await answer(people[1]!.socket, poll.id, 3)).ok).toBe(true);
  });
});
