import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEMO_AGENDA,
  DEMO_INSIGHTS,
  DEMO_PEOPLE,
  DEMO_QUESTIONS,
  DEMO_ROOM_CHAT,
  DEMO_TIPS,
} from '../../server/demo/data';
import { demoLinks, seedDemoMeeting } from '../../server/demo/seed';
import type { ScaleResults } from '../../shared/domain/activities';
import type { BreakoutResults } from '../../shared/domain/board/results';
import { chatDigest } from '../../shared/domain/chat';
import type { ActivityView } from '../../shared/domain/types';
import { harvest } from '../../shared/report/registry';
import { startServer, type TestServer } from '../helpers/server';
import { snapshotOf } from '../helpers/toolkit';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

describe('npm run demo', () => {
  it('[DEMO1] seeds a meeting like seed 000 with the chat tips of seed 004', async () => {
    srv = await startServer();
    const { meeting, facilitatorToken, secretaryToken } = await seedDemoMeeting(srv.app.ctx);
    const res = await fetch(`${srv.url}/api/meetings/${meeting.id}/results`, {
      headers: { authorization: `Bearer ${secretaryToken}` },
    });
    const body = (await res.json()) as {
      agenda: { id: string; title: string }[];
      participants: number;
      activities: {
        activity: ActivityView;
        results: unknown;
      }[];
      chat: {
        channels: { channel: string; topTips: { text: string; votes: number }[]; links: { url: string }[] }[];
        messages: { channel: string; text: string }[];
      };
    };
    expect(body.agenda.map((a) => a.title)).toEqual(DEMO_AGENDA.map((a) => a.title));
    expect(body.participants).toBe(DEMO_PEOPLE.length);
    const scale = body.activities.find((a) => a.activity.spec.kind === 'scale')!;
    expect(scale.activity).toMatchObject({ status: 'open', revealed: true });
    const r = scale.results as ScaleResults;
    // Seed 000: four remarks "helemaal niet/beetje", three "enigszins", one "zeer", and four without a remark.
    expect(r.counts).toEqual([2, 4, 5, 1]);
    expect(r.notes).toHaveLength(8);
    expect(r.notes[0]).toMatchObject({ level: 0, author: 'Ans' });
    expect(r.notes.map((n) => n.text).join(' ')).toContain('maar het zijn bubbels');
    expect(
      body.activities
        .filter((a) => a.activity.status === 'draft')
        .map((a) => a.activity.spec.kind)
        .sort(),
    ).toEqual(['choice', 'statements', 'words']);
    // Seed 000's break-outs: four questions, three rooms with everyone placed, the seed's insights
    // as post-its, the synthesis clustered into the seed's themes, votes shown; ended.
    const bo = body.activities.find((a) => a.activity.spec.kind === 'breakout')!;
    expect(bo.activity).toMatchObject({ status: 'closed', agendaItemId: expect.any(String) });
    expect(body.agenda.find((a) => a.id === bo.activity.agendaItemId)?.title).toBe(
      'Verdieping Koplopers en lokaal eigendom',
    );
    const br = bo.results as BreakoutResults;
    expect(br.questions.map((q) => q.question)).toEqual(DEMO_QUESTIONS);
    expect(br.rooms.map((r) => r.size).reduce((a, b) => a + b, 0)).toBe(DEMO_PEOPLE.length);
    expect(br.rooms.every((r) => r.size >= 4)).toBe(true);
    const notes = DEMO_INSIGHTS.flatMap((i) => i.notes);
    const onRooms = br.questions.flatMap((q) => q.rooms.flatMap((r) => r.unthemed.map((n) => n.text)));
    expect(onRooms.sort()).toEqual([...notes].sort());
    expect(br.questions.flatMap((q) => q.synthesis!.themes.map((t) => t.heading))).toEqual(
      DEMO_INSIGHTS.map((i) => i.theme),
    );
    for (const q of br.questions) expect(q.synthesis!.unthemed).toEqual([]);
    expect(br.questions[0]!.synthesis!.votesRevealed).toBe(true);
    expect(br.questions[0]!.synthesis!.themes[0]!.votes).toBeGreaterThan(0);
    // Harvested, it reads like seed 000's "Verdieping": per question its themes as headings.
    const blocks = harvest(bo.activity, bo.results as BreakoutResults, 'nl');
    expect(blocks.flatMap((b) => (b.type === 'heading' ? [`${b.level} ${b.text}`] : []))).toEqual(
      DEMO_QUESTIONS.flatMap((q, i) => [
        `3 ${q}`,
        ...DEMO_INSIGHTS.filter((x) => x.question === i).map((x) => `4 ${x.theme}`),
      ]),
    );
    // Each room chatted a little in its own channel.
    const roomLines = body.chat.messages.filter((m) => m.channel.startsWith('room:'));
    expect(roomLines.map((m) => m.text).sort()).toEqual(DEMO_ROOM_CHAT.flat().sort());
    expect(new Set(roomLines.map((m) => m.channel)).size).toBe(3);

    const meetingChat = body.chat.channels.find((c) => c.channel === 'meeting')!;
    const tips = meetingChat.topTips;
    expect(tips.map((t) => t.text)).toEqual(DEMO_TIPS);
    expect(tips.map((t) => t.votes)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(meetingChat.links.map((l) => l.url)).toEqual([
      'https://klimaatverbond.nl/publicatie/whitepaper-van-klimaatakkoord-naar-keukentafel/',
    ]);
    // The facilitator link opens it; the meeting is at the plaatsbepaling with a running timer.
    const links = demoLinks(srv.url, meeting.code, facilitatorToken, secretaryToken);
    const fac = await srv.connect(meeting.code, links.facilitator.split('#')[1]);
    const snap = await snapshotOf(fac);
    expect(snap.agenda.find((a) => a.id === snap.meeting.currentItemId)?.title).toBe(
      'Gezamenlijke plaatsbepaling',
    );
    expect(snap.timers).toEqual([
      expect.objectContaining({ scope: 'meeting', status: 'running', label: 'Gezamenlijke plaatsbepaling' }),
    ]);
    const page = snap.chat!.channels.find((c) => c.channel === 'meeting')!;
    expect(chatDigest(Object.values(page.messages)).topTips).toHaveLength(10);
  });

  it('[DEMO2] the demo entry point starts a server, seeds, and prints working links for every role', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-demo-'));
    const root = path.resolve(import.meta.dirname, '../..');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/demo.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no links printed:\n${text}`)), 30_000);
        child.stdout.on('data', (d) => {
          text += String(d);
          if (text.includes('Scherm:')) {
            clearTimeout(timer);
            resolve(text);
          }
        });
        child.on('exit', (code) => reject(new Error(`demo exited (${code}):\n${text}`)));
      });
      const link = (label: string) => new RegExp(`${label}:\\s+(\\S+)`).exec(out)?.[1];
      const participant = link('Deelnemer')!;
      expect(link('Gespreksleider')).toMatch(/\/m\/[A-Z0-9]{8}\/leiding#.{20,}/);
      expect(link('Verslaglegger')).toMatch(/\/m\/[A-Z0-9]{8}\/verslag#.{20,}/);
      expect(link('Scherm')).toBe(`${participant}/scherm`);
      const code = participant.split('/').pop()!;
      const base = new URL(participant).origin;
      const info = await fetch(`${base}/api/meetings/code/${code}`);
      expect(info.status).toBe(200);
      expect(((await info.json()) as { title: string }).title).toContain('Aardgasvrije Wijken');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
