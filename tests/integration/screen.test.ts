import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids';
import type { Progress } from '../../shared/domain/types';
import { joinMany, meetingWithFacilitator, openScalePoll } from '../helpers/fixtures';
import { call, ok, startServer, type TestServer, waitFor } from '../helpers/server';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

describe('what the shared screen and the links need from the server', () => {
  it('[POLL8][SCREEN4] the shared screen (an observer) hears "n of m answered" live and in its snapshot; counts only, participants never', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 3);
    const screen = await srv.connect(meeting.code);
    const heard: string[] = [];
    for (const p of people) p.socket.on('activity:progress', () => heard.push(p.participant.name));
    const opened = waitFor<Progress>(screen, 'activity:progress', (p) => p.total === 3);
    const poll = await openScalePoll(facilitator);
    expect(await opened).toEqual({ activityId: poll.id, answered: 0, total: 3 });
    const two = waitFor<Progress>(screen, 'activity:progress', (p) => p.answered === 2);
    for (const p of people.slice(0, 2)) {
      const r = await call(p.socket, 'response:submit', {
        id: newId(),
        activityId: poll.id,
        value: { level: 1 },
        note: 'geheim tot onthulling',
      });
      expect(r.ok).toBe(true);
    }
    expect(await two).toEqual({ activityId: poll.id, answered: 2, total: 3 });
    // A screen opened later gets the count in its snapshot; still no results, no texts.
    const late = await srv.connect(meeting.code);
    const snap = await ok(late, 'session:sync');
    expect(snap.progress).toEqual([{ activityId: poll.id, answered: 2, total: 3 }]);
    expect(snap.results).toEqual([]);
    expect(JSON.stringify(snap)).not.toContain('geheim');
    // Someone leaving lowers the total live on the screen, as it does for staff.
    const left = waitFor<Progress>(screen, 'activity:progress', (p) => p.total === 2);
    people[2]!.socket.disconnect();
    expect(await left).toEqual({ activityId: poll.id, answered: 2, total: 2 });
    // Participants never hear it, and their snapshot has none.
    expect((await ok(people[0]!.socket, 'session:sync')).progress).toEqual([]);
    expect(heard).toEqual([]);
  });

  it("[MEET10] creating a meeting gives the shared screen's link too; /api/config names PUBLIC_URL", async () => {
    srv = await startServer({ config: { publicUrl: 'https://oogst.example.nl' } });
    const res = await fetch(`${srv.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Begeleidingsgroep' }),
    });
    const m = await res.json();
    expect(m.links).toEqual({
      facilitator: `https://oogst.example.nl/m/${m.code}/leiding#${m.facilitatorToken}`,
      secretary: `https://oogst.example.nl/m/${m.code}/verslag#${m.secretaryToken}`,
      participant: `https://oogst.example.nl/m/${m.code}`,
      screen: `https://oogst.example.nl/m/${m.code}/scherm`,
    });
    expect(await (await fetch(`${srv.url}/api/config`)).json()).toEqual({
      adminRequired: false,
      publicUrl: 'https://oogst.example.nl',
    });
    await srv.close();
    srv = await startServer();
    expect(await (await fetch(`${srv.url}/api/config`)).json()).toEqual({
      adminRequired: false,
      publicUrl: null,
    });
  });
});
