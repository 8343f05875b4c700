import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log';
import { purgeExpired } from '../../server/meetings/retention';
import { newId } from '../../shared/domain/ids';
import { dumpDatabase } from '../helpers/dbState';
import { joinMany, meetingWithFacilitator, openScalePoll } from '../helpers/fixtures';
import { ok, startServer, type TestServer } from '../helpers/server';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

/** A meeting with people, answers with explanations, and an agenda: data that must be deletable. */
async function busyMeeting(s: TestServer, title: string) {
  const { meeting, facilitator } = await meetingWithFacilitator(s, title);
  await ok(facilitator, 'agenda:add', { id: newId(), title: `Agenda van ${title}` });
  const people = await joinMany(s, meeting.code, 3, `Persoon-${title}`);
  const poll = await openScalePoll(facilitator);
  for (const p of people) {
    await ok(p.socket, 'response:submit', {
      id: newId(),
      activityId: poll.id,
      value: { level: 1 },
      note: `Geheim-${title}`,
    });
  }
  return { meeting, facilitator, people };
}

describe('privacy', () => {
  it('[PRIV2] deleting a meeting leaves nothing of it in the database', async () => {
    srv = await startServer();
    const keep = await busyMeeting(srv, 'Blijft');
    const gone = await busyMeeting(srv, 'Verdwijnt');
    const res = await fetch(`${srv.url}/api/meetings/${gone.meeting.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${gone.meeting.facilitatorToken}` },
    });
    expect(res.status).toBe(200);
    const all = JSON.stringify(await dumpDatabase(srv));
    for (const trace of [
      gone.meeting.id,
      gone.meeting.code,
      'Verdwijnt',
      ...gone.people.map((p) => p.participant.id),
    ]) {
      expect(all).not.toContain(trace);
    }
    // The other meeting is untouched.
    expect(all).toContain(keep.meeting.id);
    expect(all).toContain('Geheim-Blijft');
    // The file itself: deleted rows are not left readable in free pages.
    for (const file of fs.readdirSync(srv.dataDir)) {
      const bytes = fs.readFileSync(path.join(srv.dataDir, file));
      expect(bytes.includes('Geheim-Verdwijnt'), file).toBe(false);
      expect(bytes.includes('Persoon-Verdwijnt'), file).toBe(false);
    }
  });

  it('[PRIV3] meetings older than the retention period are purged with everything in them', async () => {
    // The server's clock: the old meeting is made 31 days ago.
    let shift = -31 * 86_400_000;
    srv = await startServer({ config: { retentionDays: 30 }, now: () => Date.now() + shift });
    const old = await busyMeeting(srv, 'Oud');
    shift = 0;
    const fresh = await busyMeeting(srv, 'Nieuw');
    expect(await purgeExpired(srv.app.ctx)).toBe(1);
    const all = JSON.stringify(await dumpDatabase(srv));
    expect(all).not.toContain(old.meeting.id);
    expect(all).not.toContain('Geheim-Oud');
    expect(all).toContain(fresh.meeting.id);
    await expect.poll(() => old.people[0]!.socket.connected).toBe(false);
  });

  it('[PRIV4] logs carry no names, texts or addresses', async () => {
    const lines: string[] = [];
    const sink = {
      log: (l: string) => lines.push(l),
      error: (l: string) => lines.push(l),
    } as unknown as Console;
    srv = await startServer({ config: { logLevel: 'debug' } });
    srv.app.ctx.log = createLogger('debug', sink);
    await busyMeeting(srv, 'Logboek');
    // Provoke errors too.
    await fetch(`${srv.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"code":',
    });
    const text = lines.join('\n');
    for (const secret of ['Persoon-Logboek', 'Geheim-Logboek', 'Logboek', '127.0.0.1'])
      expect(text).not.toContain(secret);
  });
});
