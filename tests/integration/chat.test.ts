import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessageView } from '../../shared/domain/chat';
import { newId } from '../../shared/domain/ids';
import { rowsOf } from '../helpers/dbState';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
import { call, ok, raw, startServer, type TestServer, type TestSocket, waitFor } from '../helpers/server';
import { flush, record, snapshotOf } from '../helpers/toolkit';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const say = (s: TestSocket, text: string, id = newId()) =>
  call(s, 'chat:send', { id, channel: 'meeting', text });
const sayOk = (s: TestSocket, text: string) => ok(s, 'chat:send', { id: newId(), channel: 'meeting', text });
const chatOf = async (s: TestSocket) => (await snapshotOf(s)).chat;

describe('the chat', () => {
  it('[CHAT1] messages arrive live at every participant and the staff, once per client id; observers see no chat', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 10);
    const observer = await srv.connect(meeting.code);
    const obs = record(observer, ['chat:message', 'chat:updated']);
    const got = people.map((p) => record(p.socket, ['chat:message']));
    const fac = record(facilitator, ['chat:message']);
    const acks = await Promise.all(
      people.map((p, i) => say(p.socket, `Tip ${i + 1} van ${p.participant.name}`)),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    const id = newId();
    expect((await say(facilitator, 'Welkom! Zet je tips in de chat.', id)).ok).toBe(true);
    // A resend with the same id (lost ack) is stored once.
    expect(await say(facilitator, 'Welkom! Zet je tips in de chat.', id)).toMatchObject({
      ok: true,
      data: { id },
    });
    await flush(...people.map((p) => p.socket), facilitator, observer);
    for (const g of [...got, fac]) expect(g).toHaveLength(11);
    expect(obs).toEqual([]);
    expect(await chatOf(observer)).toBeNull();
    expect(await call(observer, 'chat:send', { id: newId(), channel: 'meeting', text: 'hoi' })).toMatchObject(
      {
        ok: false,
        error: 'forbidden',
      },
    );
    const msgs = (await chatOf(people[0]!.socket))!.channels[0]!.messages;
    expect(msgs).toHaveLength(11);
    expect(msgs.at(-1)).toMatchObject({ authorRole: 'facilitator', authorName: '', authorId: null });
    // Exactly hers ("Deelnemer 10" holds "Deelnemer 1" too; sent at once, the order may vary).
    const ann = msgs.find((m) => m.text === 'Tip 1 van Deelnemer 1')!;
    expect(ann).toMatchObject({ authorName: 'Deelnemer 1', authorId: people[0]!.participant.id, votes: 0 });
  });

  it('[CHAT2] participants upvote once each, can take it back, not their own; votes reach everyone', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 8);
    const [author, ...voters] = people;
    const msg = await sayOk(
      author!.socket,
      'Zoek binnen je gemeente de mensen die participatie WEL leuk vinden.',
    );
    const tab2 = await srv.connect(meeting.code, voters[0]!.token);
    const echo = waitFor<{ messageId: string; up: boolean }>(tab2, 'chat:myvote');
    const all7 = waitFor<ChatMessageView>(facilitator, 'chat:updated', (m) => m.votes === 7, 5000);
    const acks = await Promise.all(
      voters.map((v) => call(v.socket, 'chat:vote', { messageId: msg.id, up: true })),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(await echo).toEqual({ messageId: msg.id, up: true });
    await all7;
    // Twice is still one vote.
    expect(await call(voters[0]!.socket, 'chat:vote', { messageId: msg.id, up: true })).toMatchObject({
      ok: true,
      data: { votes: 7 },
    });
    expect(await call(voters[1]!.socket, 'chat:vote', { messageId: msg.id, up: false })).toMatchObject({
      ok: true,
      data: { votes: 6 },
    });
    expect(await call(author!.socket, 'chat:vote', { messageId: msg.id, up: true })).toMatchObject({
      ok: false,
      error: 'conflict',
    });
    for (const s of [facilitator, await srv.connect(meeting.code, meeting.secretaryToken)]) {
      expect(await call(s, 'chat:vote', { messageId: msg.id, up: true })).toMatchObject({
        ok: false,
        error: 'forbidden',
      });
    }
    const snap = await chatOf(voters[0]!.socket);
    expect(snap!.myVotes).toEqual([msg.id]);
    expect(snap!.channels[0]!.messages[0]!.votes).toBe(6);
    expect((await chatOf(voters[1]!.socket))!.myVotes).toEqual([]);
  });

  it('[CHAT3] anyone marks a tip; a participant undoes only their own marking; staff marking sticks', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert, carla] = await joinMany(srv, meeting.code, 3);
    const secretary = await srv.connect(meeting.code, meeting.secretaryToken);
    const m1 = await sayOk(ann!.socket, 'Eerlijkheid is ook heel belangrijk in participatie. En timing.');
    const tipped = waitFor<ChatMessageView>(carla!.socket, 'chat:updated', (m) => m.tip);
    expect(await call(bert!.socket, 'chat:tip', { messageId: m1.id, on: true })).toMatchObject({
      ok: true,
      data: { tip: true, tipByStaff: false },
    });
    await tipped;
    expect(await call(carla!.socket, 'chat:tip', { messageId: m1.id, on: false })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await call(bert!.socket, 'chat:tip', { messageId: m1.id, on: false })).toMatchObject({
      ok: true,
      data: { tip: false },
    });
    // The secretary marks it: now a participant cannot take it away, not even the one who marked before.
    expect(await call(bert!.socket, 'chat:tip', { messageId: m1.id, on: true })).toMatchObject({ ok: true });
    expect(await call(secretary, 'chat:tip', { messageId: m1.id, on: true })).toMatchObject({
      ok: true,
      data: { tipByStaff: true },
    });
    expect(await call(bert!.socket, 'chat:tip', { messageId: m1.id, on: false })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await call(facilitator, 'chat:tip', { messageId: m1.id, on: false })).toMatchObject({
      ok: true,
      data: { tip: false },
    });
  });

  it('[CHAT4] staff pin and hide; a hidden message disappears for participants (live and in snapshots)', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert] = await joinMany(srv, meeting.code, 2);
    const secretary = await srv.connect(meeting.code, meeting.secretaryToken);
    const spam = await sayOk(ann!.socket, 'Koop nu https://spam.example/koop');
    const good = await sayOk(ann!.socket, 'Samen mee de straat op!');
    for (const s of [ann!.socket, bert!.socket]) {
      for (const ev of ['chat:pin', 'chat:hide'] as const) {
        expect(await call(s, ev, { messageId: good.id, on: true })).toMatchObject({
          ok: false,
          error: 'forbidden',
        });
      }
    }
    expect(await call(facilitator, 'chat:pin', { messageId: good.id, on: true })).toMatchObject({
      ok: true,
      data: { pinned: true },
    });
    const removed = waitFor<{ id: string }>(bert!.socket, 'chat:removed');
    const staffSees = waitFor<ChatMessageView>(facilitator, 'chat:updated', (m) => m.hidden);
    await ok(secretary, 'chat:hide', { messageId: spam.id, on: true });
    expect((await removed).id).toBe(spam.id);
    expect((await staffSees).text).toContain('spam');
    const bertChat = await chatOf(bert!.socket);
    expect(JSON.stringify(bertChat)).not.toContain('spam');
    expect(bertChat!.highlights.map((m) => m.id)).toEqual([good.id]);
    expect((await chatOf(facilitator))!.channels[0]!.messages.map((m) => m.hidden)).toEqual([true, false]);
    // Hidden is gone for participants: voting or tipping it is "not found".
    expect(await call(bert!.socket, 'chat:vote', { messageId: spam.id, up: true })).toMatchObject({
      ok: false,
      error: 'not_found',
    });
    const back = waitFor<ChatMessageView>(bert!.socket, 'chat:updated', (m) => m.id === spam.id);
    await ok(secretary, 'chat:hide', { messageId: spam.id, on: false });
    expect((await back).hidden).toBe(false);
  });

  it('[CHAT5] a busy chat: 3,000 messages; snapshots carry the latest page, history pages back, both fast', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    // Seed the store directly (the rate limit is for people, not for this test).
    const store = srv.app.ctx.store;
    for (let i = 0; i < 3000; i++) {
      await store.chat.insert({
        id: newId(),
        meetingId: meeting.id,
        channel: 'meeting',
        authorKey: ann!.participant.id,
        authorRole: 'participant',
        authorName: 'Ann',
        text: `Bericht ${i}${i % 100 === 0 ? ' zie https://example.org/doc' : ''}`,
        createdAt: 1_000_000 + i,
        votes: 0,
        tip: i % 250 === 0,
        tipBy: i % 250 === 0 ? 'facilitator' : null,
        pinned: false,
        hidden: false,
      });
    }
    const t0 = performance.now();
    const snap = await snapshotOf(ann!.socket);
    const syncMs = performance.now() - t0;
    const page = snap.chat!.channels[0]!;
    expect(page.messages).toHaveLength(100);
    expect(page.hasMore).toBe(true);
    expect(page.messages.at(-1)!.text).toBe('Bericht 2999');
    expect(snap.chat!.highlights).toHaveLength(12);
    expect(snap.chat!.links).toHaveLength(30);
    let before = page.messages[0]!.seq;
    let pages = 0;
    let seen = page.messages.length;
    const t1 = performance.now();
    for (;;) {
      const older = await ok(ann!.socket, 'chat:history', {
        channel: 'meeting',
        beforeSeq: before,
      });
      pages += 1;
      seen += older.messages.length;
      if (!older.hasMore) break;
      before = older.messages[0]!.seq;
    }
    const historyMs = performance.now() - t1;
    expect(seen).toBe(3000);
    expect(pages).toBe(15);
    console.log(
      `[CHAT5] 3000 messages: snapshot ${syncMs.toFixed(0)} ms, 15 history pages ${historyMs.toFixed(0)} ms`,
    );
    expect(syncMs).toBeLessThan(500);
    expect(historyMs).toBeLessThan(1500);
    // The results API with every message stays quick too.
    const t2 = performance.now();
    const res = await fetch(`${srv.url}/api/meetings/${meeting.id}/results`, {
      headers: { authorization: `Bearer ${meeting.facilitatorToken}` },
    });
    expect(((await res.json()) as { chat: { messages: unknown[] } }).chat.messages).toHaveLength(3000);
    expect(performance.now() - t2).toBeLessThan(1500);
    expect(facilitator.connected).toBe(true);
  });

  it('[CHAT5] rate limit and bad input: an 11th message within 10 s, empty, over-long or malformed are refused', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    for (let i = 0; i < 10; i++) expect((await say(ann!.socket, `snel ${i}`)).ok).toBe(true);
    expect(await say(ann!.socket, 'te snel')).toMatchObject({ ok: false, error: 'rate_limited' });
    const bad: [string, unknown][] = [
      ['chat:send', { id: newId(), channel: 'meeting', text: '' }],
      ['chat:send', { id: newId(), channel: 'meeting', text: '   ' }],
      ['chat:send', { id: newId(), channel: 'meeting', text: 'x'.repeat(2001) }],
      ['chat:send', { id: newId(), channel: 'lobby', text: 'hoi' }],
      ['chat:send', { id: newId(), channel: 'meeting', text: 'hoi', html: '<b>' }],
      ['chat:send', { id: 'abc', channel: 'meeting', text: 'hoi' }],
      ['chat:vote', { messageId: newId(), up: 'ja' }],
      ['chat:tip', { messageId: 'x', on: true }],
      ['chat:history', { channel: 'meeting', beforeSeq: -1 }],
      ['chat:history', { channel: 'meeting', beforeSeq: 10, limit: 5000 }],
    ];
    for (const [event, payload] of bad) {
      expect(
        await raw(facilitator, event, payload),
        `${event} ${JSON.stringify(payload).slice(0, 60)}`,
      ).toMatchObject({
        ok: false,
        error: 'invalid_payload',
      });
    }
    expect(
      await call(facilitator, 'chat:send', { id: newId(), channel: `room:${newId()}`, text: 'hoi' }),
    ).toMatchObject({ ok: false, error: 'not_found' });
    expect(await call(ann!.socket, 'chat:vote', { messageId: newId(), up: true })).toMatchObject({
      ok: false,
      error: 'not_found',
    });
    // A message of another meeting is not found here.
    const other = await srv.createMeeting('Andere bijeenkomst');
    const otherFac = await srv.connect(other.code, other.facilitatorToken);
    const foreign = await sayOk(otherFac, 'elders');
    expect(await call(facilitator, 'chat:pin', { messageId: foreign.id, on: true })).toMatchObject({
      ok: false,
      error: 'not_found',
    });
    expect((await chatOf(facilitator))!.channels[0]!.messages).toHaveLength(10);
  });

  it('[CHAT6][CHAT7] links become a list (http(s) only), top tips by votes are in the results API, state survives a restart', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 6);
    const texts = [
      'Zie het stuk https://klimaatverbond.nl/publicatie/whitepaper-van-klimaatakkoord-naar-keukentafel/. Super verhelderend!',
      'Er is geen één burger!',
      'Klik javascript:alert(1) of <script>alert(1)</script>',
      'In Zwolle hebben we een COP van initiatieven en ambtenaren.',
      'Maak het aantrekkelijk voor collega’s om mee te werken (https://example.org/a_(b)).',
    ];
    const msgs: ChatMessageView[] = [];
    for (const [i, text] of texts.entries()) msgs.push(await sayOk(people[i]!.socket, text));
    for (const i of [3, 4, 1]) await ok(facilitator, 'chat:tip', { messageId: msgs[i]!.id, on: true });
    // Votes: msg 4 gets 3, msg 3 gets 2, msg 1 gets 0.
    for (const v of [0, 1, 2]) await ok(people[v]!.socket, 'chat:vote', { messageId: msgs[4]!.id, up: true });
    for (const v of [0, 1]) await ok(people[v]!.socket, 'chat:vote', { messageId: msgs[3]!.id, up: true });
    const snap = await chatOf(people[5]!.socket);
    expect(snap!.links.map((l) => l.url)).toEqual([
      'https://klimaatverbond.nl/publicatie/whitepaper-van-klimaatakkoord-naar-keukentafel/',
      'https://example.org/a_(b)',
    ]);
    const before = await snapshotOf(facilitator);
    await srv.restart();
    const res = await fetch(`${srv.url}/api/meetings/${meeting.id}/results`, {
      headers: { authorization: `Bearer ${meeting.secretaryToken}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      chat: {
        channels: {
          channel: string;
          messageCount: number;
          hiddenCount: number;
          topTips: { text: string; votes: number }[];
          links: { url: string; title: string }[];
        }[];
        messages: Record<string, unknown>[];
      };
    };
    const ch = body.chat.channels[0]!;
    expect([ch.messageCount, ch.hiddenCount]).toEqual([5, 0]);
    expect(ch.topTips.map((t) => [t.text.slice(0, 20), t.votes])).toEqual([
      ['Maak het aantrekkeli', 3],
      ['In Zwolle hebben we ', 2],
      ['Er is geen één burge', 0],
    ]);
    expect(ch.links[0]!.title).toBe(ch.links[0]!.url);
    // CSV-friendly: every row is flat (scalars only).
    for (const row of body.chat.messages) {
      for (const v of Object.values(row)) expect(['string', 'number', 'boolean']).toContain(typeof v);
    }
    const fac2 = await srv.connect(meeting.code, meeting.facilitatorToken);
    expect((await snapshotOf(fac2)).chat).toEqual(before.chat);
  });
});

describe('deleting a meeting', () => {
  it('[MEET7][CHAT1][TIMER4][WORDS4] removes its chat, votes, timers and word-cloud edits (templates are kept: TPL1)', async () => {
    const s = await startServer();
    srv = s;
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert] = await joinMany(srv, meeting.code, 2);
    const m = await sayOk(ann!.socket, 'Een tip met https://example.org/doc');
    await ok(bert!.socket, 'chat:vote', { messageId: m.id, up: true });
    await ok(facilitator, 'timer:start', { id: newId(), scope: 'meeting', durationMs: 60_000 });
    const words = await ok(facilitator, 'activity:create', {
      id: newId(),
      agendaItemId: null,
      anonymous: false,
      spec: { kind: 'words', question: 'Woord?', maxWords: 1 },
    });
    await ok(facilitator, 'words:hide', { activityId: words.id, key: 'x', hidden: true });
    // Rows of this meeting in each table, and word-cloud edits of its activities (through the store).
    const counts = async () => {
      const d = await s.app.ctx.store.dump();
      const mine = (t: string) => d[t]!.filter((r) => r.meeting_id === meeting.id);
      const activities = new Set(mine('activities').map((a) => a.id));
      return [
        mine('chat_messages').length,
        mine('chat_votes').length,
        mine('timers').length,
        d.activity_curation!.filter((c) => activities.has(c.activity_id)).length,
      ];
    };
    expect(await counts()).toEqual([1, 1, 1, 1]);
    const curationRows = async () => (await rowsOf(s, 'activity_curation')).length;
    expect(await curationRows()).toBe(1);
    const res = await fetch(`${srv.url}/api/meetings/${meeting.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${meeting.facilitatorToken}` },
    });
    expect(res.status).toBe(200);
    expect(await counts()).toEqual([0, 0, 0, 0]);
    expect(await curationRows()).toBe(0);
  });
});
