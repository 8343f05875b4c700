import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_AGENDA, DEMO_PEOPLE, DEMO_TIPS } from '../../server/demo/data';
import { demoLinks, seedDemoMeeting } from '../../server/demo/seed';
import type { ScaleResults } from '../../shared/domain/activities';
import { chatDigest } from '../../shared/domain/chat';
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
      agenda: { title: string }[];
      participants: number;
      activities: {
        activity: { spec: { kind: string }; status: string; revealed: boolean };
        results: unknown;
      }[];
      chat: { channels: { topTips: { text: string; votes: number }[]; links: { url: string }[] }[] };
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
    const tips = body.chat.channels[0]!.topTips;
    expect(tips.map((t) => t.text)).toEqual(DEMO_TIPS);
    expect(tips.map((t) => t.votes)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(body.chat.channels[0]!.links.map((l) => l.url)).toEqual([
      'https://klimaatverbond.nl/publicatie/whitepaper-van-klimaatakkoord-naar-keukentafel/',
    ]);
    // The facilitator link opens it; the meeting is at the plaatsbepaling with a running timer.
    const links = demoLinks(srv.url, meeting.code, facilitatorToken, secretaryToken);
    const fac = await srv.connect(meeting.code, links.facilitator.split('#')[1]);
    const snap = await snapshotOf(fac);
    expect(snap.agenda.find((a) => a.id === snap.meeting.currentItemId)?.title).toBe(
      'Gezamenlijke plaatsbepaling',
    );
    expect(snap.timers[0]).toMatchObject({ status: 'running', label: 'Gezamenlijke plaatsbepaling' });
    expect(chatDigest(Object.values(snap.chat!.channels[0]!.messages)).topTips).toHaveLength(10);
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
