import { afterEach, describe, expect, it } from 'vitest';
import type { ScaleResults } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import type { AgendaItem } from '../../shared/domain/types';
import type { TemplateContent } from '../../shared/protocol/schemas/template';
import { rowsOf } from '../helpers/dbState';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
import { ok, startServer, type TestServer } from '../helpers/server';
import { createActivity, submit } from '../helpers/toolkit';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const post = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
const get = (url: string, token?: string, method = 'GET') =>
  fetch(url, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });

interface Saved {
  template: { id: string; title: string; agendaItems: number; activities: number };
  token: string;
  link: string;
}

/** A prepared meeting: agenda, a scale poll with answers, statements; then saved as a template. */
async function prepared(s: TestServer) {
  const { meeting, facilitator } = await meetingWithFacilitator(s);
  let agenda: AgendaItem[] = [];
  for (const title of ['Inleiding', 'Gezamenlijke plaatsbepaling', 'Afsluiting']) {
    agenda = await ok(facilitator, 'agenda:add', {
      id: newId(),
      title,
      body: `Tekst bij ${title}`,
    });
  }
  const poll = await createActivity(
    facilitator,
    { kind: 'scale', question: 'Hoe tevreden ben je?', levels: ['laag', 'midden', 'hoog'] },
    { agendaItemId: agenda[1]!.id, anonymous: true },
  );
  await createActivity(
    facilitator,
    {
      kind: 'statements',
      question: 'Stellingen',
      statements: ['Vrolijk aan de slag, die kaders komen later wel'],
      labels: { agree: 'Eens', neutral: 'Neutraal', disagree: 'Oneens' },
      neutral: true,
    },
    { open: false },
  );
  const [ann] = await joinMany(s, meeting.code, 1);
  await submit(ann!.socket, poll.id, { level: 2 }, { note: 'Geheime toelichting van Deelnemer 1' });
  await ok(facilitator, 'activity:reveal', { id: poll.id });
  await ok(facilitator, 'meeting:goto', { itemId: agenda[1]!.id });
  return { meeting, facilitator };
}

describe('templates', () => {
  it('[TPL1][TPL2][TPL3] save a prepared meeting as a template and start a new meeting from it: agenda and activities, never answers', async () => {
    srv = await startServer();
    const { meeting } = await prepared(srv);
    const res = await post(
      `${srv.url}/api/meetings/${meeting.id}/templates`,
      { id: newId(), title: 'Begeleidingsgroep (sjabloon)' },
      meeting.facilitatorToken,
    );
    expect(res.status).toBe(201);
    const saved = (await res.json()) as Saved;
    expect(saved.template).toMatchObject({
      title: 'Begeleidingsgroep (sjabloon)',
      agendaItems: 3,
      activities: 2,
    });
    expect(saved.link).toBe(`${srv.url}/?sjabloon=${saved.template.id}#${saved.token}`);
    // What is stored: nothing of the answers, no names, no state.
    const opened = await get(`${srv.url}/api/templates/${saved.template.id}`, saved.token);
    const text = JSON.stringify(await opened.json());
    for (const secret of ['Geheime', 'Deelnemer', 'revealed', 'open', meeting.id])
      expect(text).not.toContain(secret);

    const created = await post(`${srv.url}/api/meetings`, {
      title: 'Begeleidingsgroep 8 juli',
      date: '2021-07-08',
      template: { id: saved.template.id, token: saved.token },
    });
    expect(created.status).toBe(201);
    // A wrong secret opens nothing and makes no meeting.
    const wrong = await post(`${srv.url}/api/meetings`, {
      title: 'Zonder sjabloon',
      template: { id: saved.template.id, token: 'geraden' },
    });
    expect(wrong.status).toBe(403);
    const titles = (await rowsOf(srv, 'meetings')).map((r) => r.title);
    expect(titles).not.toContain('Zonder sjabloon');
    const m2 = (await created.json()) as { id: string; code: string; facilitatorToken: string };
    const fac2 = await srv.connect(m2.code, m2.facilitatorToken);
    const snap = await ok(fac2, 'session:sync');
    expect(snap.meeting).toMatchObject({ title: 'Begeleidingsgroep 8 juli', currentItemId: null });
    expect(snap.agenda.map((a) => [a.title, a.body])).toEqual([
      ['Inleiding', 'Tekst bij Inleiding'],
      ['Gezamenlijke plaatsbepaling', 'Tekst bij Gezamenlijke plaatsbepaling'],
      ['Afsluiting', 'Tekst bij Afsluiting'],
    ]);
    expect(snap.activities.map((a) => [a.spec.kind, a.status, a.revealed, a.anonymous])).toEqual([
      ['scale', 'draft', false, true],
      ['statements', 'draft', false, false],
    ]);
    expect(snap.activities[0]!.agendaItemId).toBe(snap.agenda[1]!.id);
    expect(snap.activities[1]!.agendaItemId).toBeNull();
    expect((snap.results[0] as ScaleResults).total).toBe(0);
    expect(snap.presence.joined).toBe(0);
  });

  it('[TPL4] who may see a template: its secret or the admin token; without both, nothing, and no meeting is made', async () => {
    srv = await startServer({ config: { adminToken: 'beheer-geheim' } });
    const admin = 'beheer-geheim';
    const created = await post(`${srv.url}/api/meetings`, { title: 'Bron' }, admin);
    const meeting = (await created.json()) as {
      id: string;
      code: string;
      facilitatorToken: string;
      secretaryToken: string;
    };
    const fac = await srv.connect(meeting.code, meeting.facilitatorToken);
    await ok(fac, 'agenda:add', { id: newId(), title: 'Inleiding' });
    // Only the facilitator saves templates.
    for (const token of [meeting.secretaryToken, undefined, 'fout']) {
      const r = await post(
        `${srv.url}/api/meetings/${meeting.id}/templates`,
        { id: newId(), title: 'x' },
        token,
      );
      expect([401, 403]).toContain(r.status);
    }
    expect(
      (
        await post(
          `${srv.url}/api/meetings/${meeting.id}/templates`,
          { id: 'x', title: '' },
          meeting.facilitatorToken,
        )
      ).status,
    ).toBe(400);
    const saved = (await (
      await post(
        `${srv.url}/api/meetings/${meeting.id}/templates`,
        { id: newId(), title: 'Sjabloon' },
        meeting.facilitatorToken,
      )
    ).json()) as Saved;
    const url = `${srv.url}/api/templates/${saved.template.id}`;
    expect((await get(url)).status).toBe(401);
    expect((await get(url, 'verkeerd')).status).toBe(403);
    expect((await get(url, meeting.facilitatorToken)).status).toBe(403);
    expect((await get(url, saved.token)).status).toBe(200);
    expect((await get(url, admin)).status).toBe(200);
    expect((await get(`${srv.url}/api/templates/${newId()}`, saved.token)).status).toBe(404);
    // The list: admin only.
    expect((await get(`${srv.url}/api/templates`)).status).toBe(401);
    expect((await get(`${srv.url}/api/templates`, saved.token)).status).toBe(403);
    const list = (await (await get(`${srv.url}/api/templates`, admin)).json()) as {
      templates: { id: string }[];
    };
    expect(list.templates.map((t) => t.id)).toEqual([saved.template.id]);
    // Creating from a template still needs the admin token on this server, and the template's secret.
    const tpl = { id: saved.template.id, token: saved.token };
    expect((await post(`${srv.url}/api/meetings`, { title: 'Nieuw', template: tpl })).status).toBe(401);
    // The admin token opens every template of the server (it can list them all anyway).
    expect(
      (await post(`${srv.url}/api/meetings`, { title: 'Nieuw', template: { ...tpl, token: 'fout' } }, admin))
        .status,
    ).toBe(201);
    expect(await rowsOf(srv, 'meetings')).toHaveLength(2);
    // Deleting: with its secret; then it is gone.
    expect((await get(url, 'fout', 'DELETE')).status).toBe(403);
    expect((await get(url, saved.token, 'DELETE')).status).toBe(200);
    expect((await get(url, saved.token)).status).toBe(404);
  });

  it('[TPL4] on a server without ADMIN_TOKEN no one can list the templates of others', async () => {
    srv = await startServer();
    const r = await get(`${srv.url}/api/templates`, 'iets');
    expect(r.status).toBe(403);
    expect(((await r.json()) as { message: string }).message).toMatch(/ADMIN_TOKEN/);
  });

  it('[TPL1] a template outlives its meeting and survives a restart', async () => {
    srv = await startServer();
    const { meeting } = await prepared(srv);
    const saved = (await (
      await post(
        `${srv.url}/api/meetings/${meeting.id}/templates`,
        { id: newId(), title: 'Blijft' },
        meeting.facilitatorToken,
      )
    ).json()) as Saved;
    expect(
      (await get(`${srv.url}/api/meetings/${meeting.id}`, meeting.facilitatorToken, 'DELETE')).status,
    ).toBe(200);
    await srv.restart();
    const r = await get(`${srv.url}/api/templates/${saved.template.id}`, saved.token);
    expect(r.status).toBe(200);
    expect(((await r.json()) as Saved).template.agendaItems).toBe(3);
  });

  it('[TPL3][DUR3] a meeting from a template is made whole or not at all (one transaction, no clean-up after)', async () => {
    const s = await startServer();
    srv = s;
    const before = await s.app.ctx.store.dump();
    // The meeting and its agenda item are written first; the activity cannot be (JSON has no
    // form for a bigint): everything made before it must go too.
    const content = {
      version: 1,
      agenda: [{ ref: 'a', title: 'Inleiding', body: '' }],
      activities: [
        { agendaRef: 'a', anonymous: false, spec: { kind: 'scale', question: 'Hoe?', levels: [1n] } },
      ],
    } as unknown as TemplateContent;
    await expect(s.app.ctx.meetings.create({ title: 'Half' }, content)).rejects.toThrow(/BigInt/);
    expect(await s.app.ctx.store.dump()).toEqual(before);
  });
});
