import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids';
import type { AgendaItem, MeetingView } from '../../shared/domain/types';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
import { call, ok, raw, startServer, type TestServer, waitFor } from '../helpers/server';
import { snapshotOf } from '../helpers/toolkit';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

async function agendaOf(fac: Parameters<typeof ok>[0], titles: string[]) {
  let agenda: AgendaItem[] = [];
  for (const title of titles) agenda = await ok(fac, 'agenda:add', { id: newId(), title });
  return agenda;
}

describe('agenda flow', () => {
  it('[FLOW1][FLOW2] the facilitator moves from item to item; every participant, observer and late joiner follows', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const agenda = await agendaOf(facilitator, ['Inleiding', 'Gezamenlijke plaatsbepaling', 'Afsluiting']);
    const people = await joinMany(srv, meeting.code, 5);
    const screen = await srv.connect(meeting.code);
    expect((await snapshotOf(people[0]!.socket)).meeting.currentItemId).toBeNull();
    for (const item of agenda) {
      const arrivals = [...people.map((p) => p.socket), screen].map((s) =>
        waitFor<MeetingView>(s, 'meeting:updated', (m) => m.currentItemId === item.id),
      );
      const view = await ok(facilitator, 'meeting:goto', { itemId: item.id });
      expect(view.currentItemId).toBe(item.id);
      await Promise.all(arrivals);
    }
    const late = await srv.join(meeting.code, 'Laat');
    const lateSocket = await srv.connect(meeting.code, late.token);
    expect((await snapshotOf(lateSocket)).meeting.currentItemId).toBe(agenda[2]!.id);
    // Going to the same item again is harmless; back to "not started" works too.
    expect(await ok(facilitator, 'meeting:goto', { itemId: agenda[2]!.id })).toMatchObject({
      currentItemId: agenda[2]!.id,
    });
    expect(await ok(facilitator, 'meeting:goto', { itemId: null })).toMatchObject({
      currentItemId: null,
    });
  });

  it('[FLOW3] only the facilitator moves the meeting; an item of another meeting or bad input is refused', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [item] = await agendaOf(facilitator, ['Inleiding']);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const secretary = await srv.connect(meeting.code, meeting.secretaryToken);
    const observer = await srv.connect(meeting.code);
    for (const s of [ann!.socket, secretary, observer]) {
      expect(await call(s, 'meeting:goto', { itemId: item!.id })).toMatchObject({
        ok: false,
        error: 'forbidden',
      });
    }
    const other = await srv.createMeeting('Andere');
    const otherFac = await srv.connect(other.code, other.facilitatorToken);
    const [foreign] = await agendaOf(otherFac, ['Elders']);
    expect(await call(facilitator, 'meeting:goto', { itemId: foreign!.id })).toMatchObject({
      ok: false,
      error: 'not_found',
    });
    for (const bad of [{ itemId: 'x' }, {}, { itemId: item!.id, extra: 1 }, null]) {
      expect(await raw(facilitator, 'meeting:goto', bad)).toMatchObject({
        ok: false,
        error: 'invalid_payload',
      });
    }
    expect((await snapshotOf(facilitator)).meeting.currentItemId).toBeNull();
  });

  it('[FLOW4][MEET8] the position survives a restart; removing the current item puts the meeting back to none', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const agenda = await agendaOf(facilitator, ['Inleiding', 'Updates']);
    await ok(facilitator, 'meeting:goto', { itemId: agenda[1]!.id });
    await srv.restart();
    const fac2 = await srv.connect(meeting.code, meeting.facilitatorToken);
    const [ann] = await joinMany(srv, meeting.code, 1);
    expect((await snapshotOf(ann!.socket)).meeting.currentItemId).toBe(agenda[1]!.id);
    const told = waitFor<MeetingView>(ann!.socket, 'meeting:updated', (m) => m.currentItemId === null);
    await ok(fac2, 'agenda:remove', { id: agenda[1]!.id });
    await told;
    expect((await snapshotOf(fac2)).meeting.currentItemId).toBeNull();
  });
});
