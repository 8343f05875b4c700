import { afterEach, describe, expect, it } from 'vitest';
import { call, ok, startServer, type TestServer, waitFor } from '../helpers/server';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('meetings over HTTP', () => {
  it('GET /api/health answers 200 { ok: true }', async () => {
    srv = await startServer();
    const res = await fetch(`${srv.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('[MEET1] creating a meeting gives an id, a join code and three links with the secrets after #', async () => {
    srv = await startServer();
    const res = await post(`${srv.url}/api/meetings`, { title: 'Begeleidingsgroep', date: '2021-03-31' });
    expect(res.status).toBe(201);
    const m = await res.json();
    expect(m.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(m.links.participant).toBe(`${srv.url}/m/${m.code}`);
    expect(m.links.facilitator).toBe(`${srv.url}/m/${m.code}/leiding#${m.facilitatorToken}`);
    expect(m.links.secretary).toBe(`${srv.url}/m/${m.code}/verslag#${m.secretaryToken}`);
    expect(m.facilitatorToken).not.toBe(m.secretaryToken);
    expect(m.facilitatorToken.length).toBeGreaterThanOrEqual(32);
  });

  it('[MEET1] bad meeting input is refused with a JSON error', async () => {
    srv = await startServer();
    for (const body of [
      {},
      { title: '' },
      { title: 'x'.repeat(201) },
      { title: 'a', date: '2021-02-30' },
      { title: 'a', extra: 1 },
    ]) {
      const res = await post(`${srv.url}/api/meetings`, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: 'invalid_payload' });
    }
    const res = await fetch(`${srv.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title":',
    });
    expect(res.status).toBe(400);
  });

  it('[MEET1] with ADMIN_TOKEN set, creating requires it: missing 401, wrong 403, right 201', async () => {
    srv = await startServer({ config: { adminToken: 'geheim-beheer' } });
    expect((await post(`${srv.url}/api/meetings`, { title: 'x' })).status).toBe(401);
    expect(
      (await post(`${srv.url}/api/meetings`, { title: 'x' }, { authorization: 'Bearer fout' })).status,
    ).toBe(403);
    expect(
      (await post(`${srv.url}/api/meetings`, { title: 'x' }, { authorization: 'Bearer geheim-beheer' }))
        .status,
    ).toBe(201);
    expect(await (await fetch(`${srv.url}/api/config`)).json()).toMatchObject({ adminRequired: true });
  });

  it('[MEET2] joining again with the browser token is the same participant', async () => {
    srv = await startServer();
    const m = await srv.createMeeting();
    const first = await srv.join(m.code, 'Ann', { orgType: 'gemeente' });
    const again = await srv.join(m.displayCode.toLowerCase(), 'Ann B.', { token: first.token });
    expect(again.participant.id).toBe(first.participant.id);
    expect(again.participant.name).toBe('Ann B.');
    const other = await srv.join(m.code, 'Ann');
    expect(other.participant.id).not.toBe(first.participant.id);
    const bad = await post(`${srv.url}/api/join`, { code: m.code, name: 'X', orgType: 'bedrijf' });
    expect(bad.status).toBe(400);
    const unknown = await post(`${srv.url}/api/join`, { code: 'ZZZZZZZZ', name: 'X' });
    expect(unknown.status).toBe(404);
  });

  it('[MEET3] a socket gets its role from its token; a wrong token is refused at connection', async () => {
    srv = await startServer();
    const m = await srv.createMeeting();
    const p = await srv.join(m.code, 'Bert');
    const roles = await Promise.all(
      [m.facilitatorToken, m.secretaryToken, p.token, undefined].map(async (t) => {
        const s = await srv!.connect(m.code, t);
        return (await ok(s, 'session:sync')).role;
      }),
    );
    expect(roles).toEqual(['facilitator', 'secretary', 'participant', 'observer']);
    await expect(srv.connect(m.code, 'not-a-token')).rejects.toThrow(/unauthorized/);
    await expect(srv.connect('ZZZZZZZZ')).rejects.toThrow(/not_found/);
    // A participant token is no good in another meeting.
    const m2 = await srv.createMeeting('Andere bijeenkomst');
    await expect(srv.connect(m2.code, p.token)).rejects.toThrow(/unauthorized/);
  });

  it('[MEET5] staff see names of who is present, live; participants only counts', async () => {
    srv = await startServer();
    const m = await srv.createMeeting();
    const fac = await srv.connect(m.code, m.facilitatorToken);
    const ann = await srv.join(m.code, 'Ann');
    const annSocket = await srv.connect(m.code, ann.token);
    await expect
      .poll(async () => (await ok(fac, 'session:sync')).presence.participants?.map((x) => [x.name, x.online]))
      .toEqual([['Ann', true]]);
    const annView = await ok(annSocket, 'session:sync');
    expect(annView.presence.participants).toBeUndefined();
    expect(annView.presence.online).toBe(1);
    annSocket.disconnect();
    await expect
      .poll(async () => (await ok(fac, 'session:sync')).presence.participants?.[0]?.online)
      .toBe(false);
  });

  it('[MEET6] the results API: 401 without token, 403 with a participant token, 404 unknown meeting', async () => {
    srv = await startServer();
    const m = await srv.createMeeting();
    const p = await srv.join(m.code, 'Ann');
    const get = (id: string, token?: string) =>
      fetch(`${srv!.url}/api/meetings/${id}/results`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await get(m.id)).status).toBe(401);
    expect((await get(m.id, p.token)).status).toBe(403);
    expect((await get('00000000-0000-4000-8000-000000000000', m.facilitatorToken)).status).toBe(404);
    const res = await get(m.id, m.secretaryToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ meeting: { id: m.id }, activities: [] });
    const err = await (await get(m.id)).json();
    expect(err).toMatchObject({ ok: false, error: 'unauthorized' });
  });

  it('[AGENDA1][AGENDA2][AGENDA3][AGENDA4] the facilitator builds and reorders the agenda; others may not', async () => {
    srv = await startServer();
    const m = await srv.createMeeting();
    const fac = await srv.connect(m.code, m.facilitatorToken);
    const p = await srv.join(m.code, 'Ann');
    const ann = await srv.connect(m.code, p.token);
    const ids = [
      '11111111-1111-4111-8111-111111111111',
      '22222222-2222-4222-8222-222222222222',
      '33333333-3333-4333-8333-333333333333',
    ] as const;
    await ok(fac, 'agenda:add', { id: ids[0], title: 'Inleiding', body: 'Welkom' });
    await ok(fac, 'agenda:add', { id: ids[1], title: 'Gezamenlijke plaatsbepaling' });
    // Retried add: applied once.
    await ok(fac, 'agenda:add', { id: ids[1], title: 'Gezamenlijke plaatsbepaling' });
    const seen = waitFor<{ title: string }[]>(ann, 'agenda:updated', (a) => a.length === 3);
    await ok(fac, 'agenda:add', { id: ids[2], title: 'Afsluiting' });
    expect((await seen).map((i) => i.title)).toEqual([
      'Inleiding',
      'Gezamenlijke plaatsbepaling',
      'Afsluiting',
    ]);
    const moved = await ok(fac, 'agenda:move', { id: ids[2], index: 0 });
    expect(moved.map((i) => i.id)).toEqual([ids[2], ids[0], ids[1]]);
    const refused = await call(ann, 'agenda:add', {
      id: '44444444-4444-4444-8444-444444444444',
      title: 'Hack',
    });
    expect(refused).toMatchObject({ ok: false, error: 'forbidden' });
    const removed = await ok(fac, 'agenda:remove', { id: ids[0] });
    expect(removed.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    expect(await call(fac, 'agenda:move', { id: ids[0], index: 0 })).toMatchObject({
      ok: false,
      error: 'not_found',
    });
  });

  it('[MEET7] deleting a meeting removes it and disconnects its clients', async () => {
    srv = await startServer();
    const m = await srv.createMeeting();
    const p = await srv.join(m.code, 'Ann');
    const ann = await srv.connect(m.code, p.token);
    const told = new Promise((resolve) => ann.once('meeting:deleted', resolve));
    const del = (token: string) =>
      fetch(`${srv!.url}/api/meetings/${m.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await del(m.secretaryToken)).status).toBe(403);
    expect((await del(m.facilitatorToken)).status).toBe(200);
    await told;
    expect((await fetch(`${srv.url}/api/meetings/code/${m.code}`)).status).toBe(404);
    await expect(srv.connect(m.code, p.token)).rejects.toThrow(/not_found/);
  });
});
