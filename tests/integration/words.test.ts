import { afterEach, describe, expect, it } from 'vitest';
import type { Results, WordsResults } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import type { WordsSpec } from '../../shared/protocol/schemas/activity';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
import { call, ok, raw, startServer, type TestServer, waitFor } from '../helpers/server';
import { createActivity, flush, record, resultsFor, snapshotOf, submit } from '../helpers/toolkit';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const SPEC: WordsSpec = { kind: 'words', question: 'Wat is voor jou de kern van samenwerken?', maxWords: 3 };
const words = (r: WordsResults | undefined) => r?.words.map((w) => [w.text, w.count]);
/** A word cloud's results, as the facilitator's word edits answer them. */
const cloud = (r: Results): WordsResults => {
  if (r.kind !== 'words') throw new Error(`expected word cloud results, got ${r.kind}`);
  return r;
};

describe('open words (word cloud)', () => {
  it('[WORDS1][WORDS2][WORDS3] 20 participants: spellings count as one word, once per person, by frequency', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 20);
    const act = await createActivity(facilitator, SPEC);
    const answers = (i: number) =>
      i < 12
        ? // 8 against 4: the spelling given most is shown (a tie would depend on which answer came first).
          ['Vertrouwen', i % 3 === 1 ? 'gelijkwaardigheid' : 'Gelijkwaardigheid!']
        : i < 18
          ? [' vertrouwen ', 'VERTROUWEN.', 'Tijd']
          : ['co2', 'CO2'];
    const final = waitFor<WordsResults>(facilitator, 'results:updated', (r) => r.total === 20, 10_000);
    const acks = await Promise.all(people.map((p, i) => submit(p.socket, act.id, { words: answers(i) })));
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    const r = await final;
    expect(words(r)).toEqual([
      ['Vertrouwen', 18],
      ['Gelijkwaardigheid!', 12],
      ['Tijd', 6],
      ['co2', 2],
    ]);
    expect(r.words[0]!.variants).toEqual(['Vertrouwen', 'vertrouwen', 'VERTROUWEN.']);
  });

  it('[WORDS4][WORDS5] the facilitator merges spellings and hides a word; participants never receive hidden words', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert, carla] = await joinMany(srv, meeting.code, 3);
    const act = await createActivity(facilitator, SPEC);
    await submit(ann!.socket, act.id, { words: ['energiecoöperatie', 'onzin woord'] });
    await submit(bert!.socket, act.id, { words: ['Energie coöperatie', 'bewoners'] });
    await submit(carla!.socket, act.id, { words: ['coöperatie', 'bewoners'] });
    await ok(facilitator, 'activity:reveal', { id: act.id });

    const mergedArrived = waitFor<WordsResults>(carla!.socket, 'results:updated', (r) =>
      r.words.some((w) => w.merged),
    );
    const merged = cloud(
      await ok(facilitator, 'words:merge', {
        activityId: act.id,
        keys: ['energiecoöperatie', 'energie coöperatie', 'coöperatie'],
        label: 'Energiecoöperatie',
      }),
    );
    expect(words(merged)).toEqual([
      ['Energiecoöperatie', 3],
      ['bewoners', 2],
      ['onzin woord', 1],
    ]);
    expect(merged.words[0]).toMatchObject({ merged: true });
    await mergedArrived;
    await flush(carla!.socket);
    // From here on, nothing Carla receives may carry the hidden word.
    const seen = record(carla!.socket, ['results:updated']);
    const hiddenArrived = waitFor(carla!.socket, 'results:updated');
    const hidden = cloud(
      await ok(facilitator, 'words:hide', {
        activityId: act.id,
        key: 'onzin woord',
        hidden: true,
      }),
    );
    // The facilitator still sees it (marked), to undo it.
    expect(hidden.words.find((w) => w.key === 'onzin woord')).toMatchObject({ hidden: true });
    await hiddenArrived;
    await flush(carla!.socket);
    const last = seen.at(-1)?.payload as WordsResults;
    expect(words(last)).toEqual([
      ['Energiecoöperatie', 3],
      ['bewoners', 2],
    ]);
    expect(JSON.stringify(seen)).not.toContain('onzin');
    expect(JSON.stringify(await snapshotOf(carla!.socket))).not.toContain('onzin');
    expect(JSON.stringify(await snapshotOf(await srv.connect(meeting.code)))).not.toContain('onzin');
    // Participants never get spellings either.
    expect(last.words[0]!.variants).toBeUndefined();

    const split = cloud(
      await ok(facilitator, 'words:split', {
        activityId: act.id,
        key: 'Energiecoöperatie',
      }),
    );
    expect(words(split)).toEqual([
      ['bewoners', 2],
      ['coöperatie', 1],
      ['Energie coöperatie', 1],
      ['energiecoöperatie', 1],
      ['onzin woord', 1],
    ]);
    await ok(facilitator, 'words:hide', { activityId: act.id, key: 'onzin woord', hidden: false });
    expect(words(await resultsFor<WordsResults>(carla!.socket, act.id))).toContainEqual(['onzin woord', 1]);
  });

  it('[WORDS6] roles and bad input: only the facilitator curates; over-long and too many words are refused', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const secretary = await srv.connect(meeting.code, meeting.secretaryToken);
    const observer = await srv.connect(meeting.code);
    const act = await createActivity(facilitator, { ...SPEC, maxWords: 2 });
    for (const s of [ann!.socket, secretary, observer]) {
      expect(await call(s, 'words:hide', { activityId: act.id, key: 'x', hidden: true })).toMatchObject({
        ok: false,
        error: 'forbidden',
      });
      expect(await call(s, 'words:merge', { activityId: act.id, keys: ['a'], label: 'b' })).toMatchObject({
        ok: false,
        error: 'forbidden',
      });
    }
    const bad: unknown[] = [
      { words: ['een', 'twee', 'drie'] },
      { words: [] },
      { words: [''] },
      { words: ['x'.repeat(41)] },
      { words: 'vertrouwen' },
      { words: [5] },
      { words: ['a'], extra: 1 },
    ];
    for (const value of bad) {
      expect(await submit(ann!.socket, act.id, value), JSON.stringify(value)).toMatchObject({
        ok: false,
        error: 'invalid_payload',
      });
    }
    expect(await submit(ann!.socket, act.id, { words: ['a'] }, { note: 'los' })).toMatchObject({
      ok: false,
      error: 'invalid_payload',
    });
    expect(await raw(facilitator, 'words:merge', { activityId: act.id, keys: [], label: 'x' })).toMatchObject(
      {
        ok: false,
        error: 'invalid_payload',
      },
    );
    expect(
      await call(facilitator, 'words:hide', { activityId: newId(), key: 'x', hidden: true }),
    ).toMatchObject({
      ok: false,
      error: 'not_found',
    });
    const poll = await createActivity(facilitator, { kind: 'scale', question: 'q', levels: ['a', 'b'] });
    expect(
      await call(facilitator, 'words:hide', { activityId: poll.id, key: 'x', hidden: true }),
    ).toMatchObject({
      ok: false,
      error: 'invalid_payload',
    });
    expect((await resultsFor<WordsResults>(facilitator, act.id))?.total).toBe(0);
  });

  it('[WORDS7][MEET8] answers, merges and hidden words survive a restart', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert] = await joinMany(srv, meeting.code, 2);
    const act = await createActivity(facilitator, SPEC);
    await submit(ann!.socket, act.id, { words: ['Kaders', 'geld'] });
    await submit(bert!.socket, act.id, { words: ['kader'] });
    await ok(facilitator, 'words:merge', { activityId: act.id, keys: ['kaders', 'kader'], label: 'Kaders' });
    await ok(facilitator, 'words:hide', { activityId: act.id, key: 'geld', hidden: true });
    await ok(facilitator, 'activity:reveal', { id: act.id });
    const before = await resultsFor<WordsResults>(facilitator, act.id);
    await srv.restart();
    const fac2 = await srv.connect(meeting.code, meeting.facilitatorToken);
    expect(await resultsFor<WordsResults>(fac2, act.id)).toEqual(before);
    const p = await srv.connect(meeting.code, ann!.token);
    expect(words(await resultsFor<WordsResults>(p, act.id))).toEqual([['Kaders', 2]]);
  });
});
